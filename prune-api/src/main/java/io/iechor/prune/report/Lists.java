package io.iechor.prune.report;

import java.util.List;
import java.util.Objects;

final class Lists {
  private Lists() {
  }

  static <T> List<T> copy(List<T> list, String name) {
    return List.copyOf(Objects.requireNonNull(list, name));
  }

  static long nonNegative(long bytes, String name) {
    if (bytes < 0) {
      throw new IllegalArgumentException(name + " must not be negative: " + bytes);
    }
    return bytes;
  }
}
