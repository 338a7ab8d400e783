package io.iechor.prune;

/** The kinds of object an engine can prune. */
public enum ObjectKind {
  CONTAINERS("container"),
  IMAGES("image"),
  VOLUMES("volume"),
  NETWORKS("network"),
  BUILD_CACHE("build cache");

  private final String noun;

  ObjectKind(String noun) {
    this.noun = noun;
  }

  /** The singular noun used in messages, e.g. {@code "volume"}. */
  public String noun() {
    return noun;
  }
}
