package io.iechor.prune.core.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The {@code filters} query parameter: a JSON map from filter name to a set of values, each
 * mapped to {@code true}, e.g. {@code {"label":{"env=ci":true},"until":{"24h":true}}}. Always
 * {@code true}: Docker reads some booleans from it and Podman drops entries that are not.
 */
final class FiltersJson {
  private final Map<String, Set<String>> values = new LinkedHashMap<>();

  FiltersJson add(String name, String value) {
    values.computeIfAbsent(name, k -> new LinkedHashSet<>()).add(value);
    return this;
  }

  boolean isEmpty() {
    return values.isEmpty();
  }

  /** The JSON text; callers leave the parameter out when {@link #isEmpty()}. */
  String toJson() {
    StringWriter w = new StringWriter();
    try (JsonGenerator g = SmallJson.FACTORY.createGenerator(w)) {
      g.writeStartObject();
      for (Map.Entry<String, Set<String>> e : values.entrySet()) {
        g.writeObjectFieldStart(e.getKey());
        for (String v : e.getValue()) {
          g.writeBooleanField(v, true);
        }
        g.writeEndObject();
      }
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return w.toString();
  }
}
