package io.iechor.prune;

/**
 * The engine answered with a success status but a body this library cannot read (malformed or
 * truncated JSON, an HTML page from a proxy). The prune may have run: list the objects to see.
 */
public class UnreadableResponseException extends PruneException {
  private static final long serialVersionUID = 1L;

  private final String method;
  private final String path;

  public UnreadableResponseException(String method, String path, String message, Throwable cause) {
    super("Cannot read the engine's answer to " + method + " " + path + ": " + message, cause);
    this.method = method;
    this.path = path;
  }

  public String method() {
    return method;
  }

  public String path() {
    return path;
  }
}
