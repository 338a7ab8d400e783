package io.iechor.prune.core.internal;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Streaming helpers for the list and inspect answers: walk objects and arrays field by field with
 * Jackson's parser, read the few shapes the engines use, skip everything else.
 */
final class Json {

  /** Reads one value whose first token is current; must consume it entirely. */
  interface ValueReader<T> {
    T read(JsonParser p) throws IOException;
  }

  /** Handles one field; returns {@code false} to have the value skipped. */
  interface FieldHandler {
    boolean field(String name, JsonToken value) throws IOException;
  }

  private Json() {
  }

  /** Parses a whole body with {@code reader}, starting at its first token. */
  static <T> T parse(InputStream body, ValueReader<T> reader) throws IOException {
    try (JsonParser p = SmallJson.FACTORY.createParser(body)) {
      if (p.nextToken() == null) {
        throw new JsonParseException(p, "empty body");
      }
      return reader.read(p);
    }
  }

  /** Calls {@code handler} for each field of the object at the current token ({@code null} is an empty object). */
  static void object(JsonParser p, FieldHandler handler) throws IOException {
    if (p.currentToken() == JsonToken.VALUE_NULL) {
      return;
    }
    expect(p, JsonToken.START_OBJECT);
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      JsonToken value = p.nextToken();
      if (!handler.field(name, value)) {
        p.skipChildren();
      }
    }
  }

  /** The elements of the array at the current token; {@code null} is an empty list. */
  static <T> List<T> array(JsonParser p, ValueReader<T> element) throws IOException {
    if (p.currentToken() == JsonToken.VALUE_NULL) {
      return List.of();
    }
    expect(p, JsonToken.START_ARRAY);
    List<T> out = new ArrayList<>();
    while (p.nextToken() != JsonToken.END_ARRAY) {
      if (p.currentToken() == null) {
        throw new JsonParseException(p, "the list ends early");
      }
      out.add(element.read(p));
    }
    return out;
  }

  /** A string value, or {@code null} for JSON null; other values are refused. */
  static String text(JsonParser p) throws IOException {
    JsonToken t = p.currentToken();
    if (t == JsonToken.VALUE_NULL) {
      return null;
    }
    if (t != JsonToken.VALUE_STRING) {
      throw new JsonParseException(p, "expected a string, found " + t);
    }
    return p.getText();
  }

  static boolean bool(JsonParser p) throws IOException {
    JsonToken t = p.currentToken();
    return t == JsonToken.VALUE_TRUE;
  }

  /** A whole number, or {@code orElse} when null or not a number (Docker writes -1 for "not computed"). */
  static long number(JsonParser p, long orElse) throws IOException {
    JsonToken t = p.currentToken();
    if (t == JsonToken.VALUE_NUMBER_INT) {
      return p.getNumberType() == JsonParser.NumberType.BIG_INTEGER ? Long.MAX_VALUE : p.getLongValue();
    }
    p.skipChildren();
    return orElse;
  }

  /** A string-to-string map such as {@code Labels}; {@code null} is empty. */
  static Map<String, String> stringMap(JsonParser p) throws IOException {
    Map<String, String> out = new LinkedHashMap<>();
    object(p, (name, value) -> {
      out.put(name, value == JsonToken.VALUE_STRING ? p.getText() : "");
      return value == JsonToken.VALUE_STRING;
    });
    return Collections.unmodifiableMap(out);
  }

  /** A list of strings such as {@code Names}; {@code null} is empty, non-strings are skipped. */
  static List<String> stringList(JsonParser p) throws IOException {
    List<String> out = new ArrayList<>();
    for (String s : array(p, q -> q.currentToken() == JsonToken.VALUE_STRING ? q.getText() : skip(q))) {
      if (s != null) {
        out.add(s);
      }
    }
    return List.copyOf(out);
  }

  /** The keys of an object such as {@code NetworkSettings.Networks}. */
  static Set<String> keys(JsonParser p) throws IOException {
    Set<String> out = new LinkedHashSet<>();
    object(p, (name, value) -> {
      out.add(name);
      return false;
    });
    return Collections.unmodifiableSet(out);
  }

  /**
   * A time: RFC 3339 text (any precision and offset), or Unix seconds as a number (list answers).
   * {@code null} for JSON null, an empty string, and Go's zero time {@code 0001-01-01T00:00:00Z}.
   */
  static Instant time(JsonParser p) throws IOException {
    JsonToken t = p.currentToken();
    if (t == JsonToken.VALUE_NUMBER_INT) {
      long seconds = p.getLongValue();
      return seconds <= 0 ? null : Instant.ofEpochSecond(seconds);
    }
    String s = text(p);
    return s == null ? null : parseTime(p, s);
  }

  static Instant parseTime(JsonParser p, String s) throws IOException {
    if (s.isEmpty() || s.startsWith("0001-01-01")) {
      return null;
    }
    try {
      return OffsetDateTime.parse(s).toInstant();
    } catch (DateTimeParseException e) {
      throw new JsonParseException(p, "not an RFC 3339 time: '" + s + "'");
    }
  }

  private static <T> T skip(JsonParser p) throws IOException {
    p.skipChildren();
    return null;
  }

  private static void expect(JsonParser p, JsonToken t) throws IOException {
    if (p.currentToken() != t) {
      throw new JsonParseException(p, "expected " + t + ", found " + p.currentToken());
    }
  }
}
