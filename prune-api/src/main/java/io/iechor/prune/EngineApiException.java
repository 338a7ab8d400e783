package io.iechor.prune;

/**
 * The engine answered with an error status. The status, the engine's own message, and the
 * request's method and path are kept as fields.
 */
public class EngineApiException extends PruneException {
  private static final long serialVersionUID = 1L;

  private final int status;
  private final String engineMessage;
  private final String method;
  private final String path;

  public EngineApiException(int status, String engineMessage, String method, String path) {
    this(status, engineMessage, method, path, describe(status, engineMessage, method, path));
  }

  protected EngineApiException(int status, String engineMessage, String method, String path, String message) {
    super(message);
    this.status = status;
    this.engineMessage = engineMessage;
    this.method = method;
    this.path = path;
  }

  /** The HTTP status, e.g. 400 for a filter the engine refused. */
  public int status() {
    return status;
  }

  /** The engine's error text (its JSON {@code message}, or the raw body when it sent plain text). */
  public String engineMessage() {
    return engineMessage;
  }

  /** The request method, e.g. {@code POST}. */
  public String method() {
    return method;
  }

  /** The request path, e.g. {@code /v1.41/containers/prune}. */
  public String path() {
    return path;
  }

  private static String describe(int status, String engineMessage, String method, String path) {
    return "Engine refused " + method + " " + path + " with status " + status + ": " + engineMessage;
  }
}
