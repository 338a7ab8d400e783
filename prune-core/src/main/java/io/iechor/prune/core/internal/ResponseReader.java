package io.iechor.prune.core.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.JsonParseException;
import io.iechor.prune.report.ImageDeletion;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads prune answers with Jackson's streaming parser: one pass, no reflection, unknown fields
 * skipped, {@code null} lists read as empty, sizes up to the engine's unsigned 64 bits.
 */
final class ResponseReader {
  private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);

  /** The parts of a prune answer; each endpoint fills some of them. */
  static final class Parsed {
    final List<String> ids = new ArrayList<>();
    final List<ImageDeletion> images = new ArrayList<>();
    long spaceReclaimed;
    boolean sawSpace;
  }

  private ResponseReader() {
  }

  /**
   * Reads a prune answer whose list of removed objects is under {@code listField}
   * ({@code ContainersDeleted}, {@code ImagesDeleted}, ...).
   *
   * @throws JsonParseException when the body is not the expected JSON
   */
  static Parsed read(InputStream body, String listField) throws IOException {
    Parsed out = new Parsed();
    try (JsonParser p = SmallJson.FACTORY.createParser(body)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw new JsonParseException(p, "expected a JSON object, found " + describe(p.currentToken()));
      }
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String field = p.currentName();
        JsonToken value = p.nextToken();
        if (field.equals(listField)) {
          readList(p, value, listField.equals("ImagesDeleted"), out);
        } else if (field.equals("SpaceReclaimed")) {
          out.spaceReclaimed = size(p, value);
          out.sawSpace = true;
        } else {
          p.skipChildren();
        }
      }
      if (p.currentToken() != JsonToken.END_OBJECT) {
        throw new JsonParseException(p, "unexpected " + describe(p.currentToken()));
      }
    }
    return out;
  }

  /**
   * Reads Podman's own image prune answer: a list of {@code {"Id":..., "Size":..., "Err":...}}.
   * Entries with an error were not removed and are left out.
   */
  static Parsed readLibpodImages(InputStream body) throws IOException {
    Parsed out = new Parsed();
    try (JsonParser p = SmallJson.FACTORY.createParser(body)) {
      JsonToken t = p.nextToken();
      if (t == JsonToken.VALUE_NULL) {
        return out;
      }
      if (t != JsonToken.START_ARRAY) {
        throw new JsonParseException(p, "expected a JSON list, found " + describe(t));
      }
      while ((t = p.nextToken()) == JsonToken.START_OBJECT) {
        String id = null;
        long size = 0;
        boolean failed = false;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          String field = p.currentName();
          JsonToken v = p.nextToken();
          if (field.equals("Id") && v == JsonToken.VALUE_STRING) {
            id = p.getText();
          } else if (field.equals("Size")) {
            size = size(p, v);
          } else if (field.equals("Err") && v != JsonToken.VALUE_NULL) {
            failed = !(v == JsonToken.VALUE_STRING && p.getText().isEmpty());
            p.skipChildren();
          } else {
            p.skipChildren();
          }
        }
        if (id != null && !failed) {
          out.images.add(ImageDeletion.deleted(id));
          out.spaceReclaimed = out.spaceReclaimed > Long.MAX_VALUE - size ? Long.MAX_VALUE : out.spaceReclaimed + size;
        }
      }
      if (t != JsonToken.END_ARRAY) {
        throw new JsonParseException(p, "unexpected " + describe(t));
      }
    }
    return out;
  }

  private static void readList(JsonParser p, JsonToken value, boolean images, Parsed out) throws IOException {
    if (value == JsonToken.VALUE_NULL) {
      return;
    }
    if (value != JsonToken.START_ARRAY) {
      throw new JsonParseException(p, "expected a list, found " + describe(value));
    }
    JsonToken t;
    while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
      if (images) {
        readImageItem(p, t, out);
      } else if (t == JsonToken.VALUE_STRING) {
        out.ids.add(p.getText());
      } else {
        throw new JsonParseException(p, "expected a string in the list, found " + describe(t));
      }
    }
  }

  private static void readImageItem(JsonParser p, JsonToken t, Parsed out) throws IOException {
    if (t != JsonToken.START_OBJECT) {
      throw new JsonParseException(p, "expected an object in ImagesDeleted, found " + describe(t));
    }
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String field = p.currentName();
      JsonToken v = p.nextToken();
      if (v == JsonToken.VALUE_STRING && field.equals("Untagged")) {
        out.images.add(ImageDeletion.untagged(p.getText()));
      } else if (v == JsonToken.VALUE_STRING && field.equals("Deleted")) {
        out.images.add(ImageDeletion.deleted(p.getText()));
      } else {
        p.skipChildren();
      }
    }
  }

  private static long size(JsonParser p, JsonToken value) throws IOException {
    if (value == JsonToken.VALUE_NULL) {
      return 0;
    }
    if (value != JsonToken.VALUE_NUMBER_INT) {
      throw new JsonParseException(p, "SpaceReclaimed is not a whole number: " + describe(value));
    }
    if (p.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
      BigInteger big = p.getBigIntegerValue();
      return big.signum() < 0 ? 0 : big.compareTo(LONG_MAX) > 0 ? Long.MAX_VALUE : big.longValue();
    }
    return Math.max(0, p.getLongValue());
  }

  private static String describe(JsonToken t) {
    return t == null ? "the end of the body" : t.asString() != null ? "'" + t.asString() + "'" : t.name();
  }
}
