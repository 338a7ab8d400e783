package io.iechor.prune;

import java.util.Objects;
import java.util.Optional;

/**
 * A label condition: a key alone (the object has the label, whatever its value) or a key and
 * an exact value. Written {@code key} or {@code key=value}, as the engine expects it.
 */
public final class Label {
  private final String key;
  private final String value;

  private Label(String key, String value) {
    this.key = key;
    this.value = value;
  }

  /** A condition on the presence of {@code key}, whatever its value. */
  public static Label key(String key) {
    return new Label(checkKey(key), null);
  }

  /** A condition on {@code key} having exactly {@code value} (which may be empty). */
  public static Label of(String key, String value) {
    return new Label(checkKey(key), Objects.requireNonNull(value, "value"));
  }

  /**
   * Reads {@code key} or {@code key=value}; everything after the first {@code =} is the value.
   */
  public static Label parse(String text) {
    Objects.requireNonNull(text, "text");
    int eq = text.indexOf('=');
    return eq < 0 ? key(text) : of(text.substring(0, eq), text.substring(eq + 1));
  }

  public String key() {
    return key;
  }

  /** The required value, or empty when any value matches. */
  public Optional<String> value() {
    return Optional.ofNullable(value);
  }

  private static String checkKey(String key) {
    Objects.requireNonNull(key, "key");
    if (key.isBlank()) {
      throw new IllegalArgumentException("A label key must not be empty");
    }
    if (key.indexOf('=') >= 0) {
      throw new IllegalArgumentException("A label key must not contain '=': '" + key + "'");
    }
    return key;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Label l && key.equals(l.key) && Objects.equals(value, l.value);
  }

  @Override
  public int hashCode() {
    return Objects.hash(key, value);
  }

  /** The engine's form: {@code key} or {@code key=value}. */
  @Override
  public String toString() {
    return value == null ? key : key + "=" + value;
  }
}
