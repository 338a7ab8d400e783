package io.iechor.prune;

/**
 * An Engine API version such as {@code 1.41}, ordered numerically ({@code 1.9 < 1.41}).
 *
 * @param major the part before the dot
 * @param minor the part after the dot
 */
public record ApiVersion(int major, int minor) implements Comparable<ApiVersion> {

  public ApiVersion {
    if (major < 0 || minor < 0) {
      throw new IllegalArgumentException("API version parts must not be negative: " + major + "." + minor);
    }
  }

  /** Parses {@code "1.41"}. */
  public static ApiVersion parse(String text) {
    String t = text.trim();
    int dot = t.indexOf('.');
    try {
      if (dot < 0) {
        return new ApiVersion(Integer.parseInt(t), 0);
      }
      return new ApiVersion(Integer.parseInt(t.substring(0, dot)), Integer.parseInt(t.substring(dot + 1)));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("Not an API version: '" + text + "'", e);
    }
  }

  public static ApiVersion of(int major, int minor) {
    return new ApiVersion(major, minor);
  }

  public boolean isAtLeast(ApiVersion other) {
    return compareTo(other) >= 0;
  }

  public boolean isBelow(ApiVersion other) {
    return compareTo(other) < 0;
  }

  @Override
  public int compareTo(ApiVersion o) {
    return major != o.major ? Integer.compare(major, o.major) : Integer.compare(minor, o.minor);
  }

  @Override
  public String toString() {
    return major + "." + minor;
  }
}
