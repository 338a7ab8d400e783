package io.iechor.prune;

/**
 * What was asked for needs a newer engine API than the one negotiated, or the engine does not
 * offer it at all (Podman has no build-cache prune). Thrown before the request is sent.
 */
public class UnsupportedFeatureException extends PruneException {
  private static final long serialVersionUID = 1L;

  private final String feature;
  private final ApiVersion required;
  private final ApiVersion negotiated;

  public UnsupportedFeatureException(String feature, ApiVersion required, ApiVersion negotiated, String message) {
    super(message);
    this.feature = feature;
    this.required = required;
    this.negotiated = negotiated;
  }

  /** A short name of what was asked for, e.g. {@code "build cache prune"}. */
  public String feature() {
    return feature;
  }

  /** The API version the feature needs, or {@code null} when no version of this engine has it. */
  public ApiVersion required() {
    return required;
  }

  /** The API version spoken with the engine, or {@code null} when not yet known. */
  public ApiVersion negotiated() {
    return negotiated;
  }
}
