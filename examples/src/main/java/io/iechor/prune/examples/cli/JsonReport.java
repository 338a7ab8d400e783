package io.iechor.prune.examples.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.iechor.prune.EngineInfo;
import io.iechor.prune.report.BuildCachePruneReport;
import io.iechor.prune.report.ContainerPruneReport;
import io.iechor.prune.report.ImageDeletion;
import io.iechor.prune.report.ImagePruneReport;
import io.iechor.prune.report.NetworkPruneReport;
import io.iechor.prune.report.PruneReport;
import io.iechor.prune.report.SystemPruneReport;
import io.iechor.prune.report.VolumePruneReport;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;

/**
 * Prune reports as JSON for scripts ({@code --format json}). The field names are the reports'
 * accessor names, so a script reads what a Java program would:
 *
 * <pre>{@code
 * {
 *   "deletedVolumes" : [ "cache-1", "cache-2" ],
 *   "spaceReclaimed" : 1234,
 *   "engine" : { "endpoint" : "unix:///var/run/docker.sock", "apiVersion" : "1.41", ... }
 * }
 * }</pre>
 *
 * <p>Sizes are in bytes. A network report has no {@code spaceReclaimed}: the engine reports none,
 * and "not reported" is not 0. A system report nests one object per kind (without repeating the
 * engine), {@code null} for a kind that was not pruned, and the total.
 */
public final class JsonReport {
  private static final JsonFactory FACTORY = new JsonFactory();

  private JsonReport() {
  }

  /** One report of one kind, as a JSON document ending with a line break. */
  public static String of(PruneReport report) {
    return write(g -> kind(g, report, true));
  }

  /** A system prune's report, as a JSON document ending with a line break. */
  public static String of(SystemPruneReport report) {
    return write(g -> {
      g.writeStartObject();
      g.writeFieldName("containers");
      kind(g, report.containers(), false);
      g.writeFieldName("networks");
      kind(g, report.networks(), false);
      g.writeFieldName("volumes");
      if (report.volumes().isPresent()) {
        kind(g, report.volumes().get(), false);
      } else {
        g.writeNull();
      }
      g.writeFieldName("images");
      kind(g, report.images(), false);
      g.writeFieldName("buildCache");
      if (report.buildCache().isPresent()) {
        kind(g, report.buildCache().get(), false);
      } else {
        g.writeNull();
      }
      g.writeStringField("buildCacheSkipped", report.buildCacheSkipped().orElse(null));
      g.writeNumberField("spaceReclaimed", report.spaceReclaimed());
      g.writeFieldName("engine");
      engine(g, report.engine());
      g.writeEndObject();
    });
  }

  private static void kind(JsonGenerator g, PruneReport report, boolean withEngine) throws IOException {
    g.writeStartObject();
    if (report instanceof ContainerPruneReport c) {
      strings(g, "deletedContainers", c.deletedContainers());
      g.writeNumberField("spaceReclaimed", c.spaceReclaimed());
    } else if (report instanceof ImagePruneReport i) {
      g.writeArrayFieldStart("deletions");
      for (ImageDeletion d : i.deletions()) {
        g.writeStartObject();
        g.writeStringField("action", d.action().name().toLowerCase(Locale.ROOT));
        g.writeStringField("reference", d.reference());
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeNumberField("spaceReclaimed", i.spaceReclaimed());
    } else if (report instanceof VolumePruneReport v) {
      strings(g, "deletedVolumes", v.deletedVolumes());
      g.writeNumberField("spaceReclaimed", v.spaceReclaimed());
    } else if (report instanceof NetworkPruneReport n) {
      strings(g, "deletedNetworks", n.deletedNetworks());
    } else if (report instanceof BuildCachePruneReport b) {
      strings(g, "deletedCaches", b.deletedCaches());
      g.writeNumberField("spaceReclaimed", b.spaceReclaimed());
    }
    if (withEngine) {
      g.writeFieldName("engine");
      engine(g, report.engine());
    }
    g.writeEndObject();
  }

  private static void engine(JsonGenerator g, EngineInfo e) throws IOException {
    g.writeStartObject();
    g.writeStringField("endpoint", e.endpoint());
    g.writeStringField("apiVersion", e.apiVersion().toString());
    g.writeStringField("engineApiVersion", e.engineApiVersion().toString());
    g.writeStringField("server", e.server());
    g.writeBooleanField("podman", e.podman());
    g.writeEndObject();
  }

  private static void strings(JsonGenerator g, String name, List<String> values) throws IOException {
    g.writeArrayFieldStart(name);
    for (String v : values) {
      g.writeString(v);
    }
    g.writeEndArray();
  }

  private interface Body {
    void write(JsonGenerator g) throws IOException;
  }

  private static String write(Body body) {
    StringWriter out = new StringWriter();
    try (JsonGenerator g = FACTORY.createGenerator(out)) {
      g.useDefaultPrettyPrinter();
      body.write(g);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot happen: writing to a string", e);
    }
    return out.append('\n').toString();
  }
}
