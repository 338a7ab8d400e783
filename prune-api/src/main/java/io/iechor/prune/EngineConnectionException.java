package io.iechor.prune;

/**
 * The engine could not be reached, or the connection broke or timed out during a request.
 *
 * <p>When this happens during a prune, the engine may already have removed some objects: the
 * engine has no rollback. List the objects again to see what is left.
 */
public class EngineConnectionException extends PruneException {
  private static final long serialVersionUID = 1L;

  private final String endpoint;

  public EngineConnectionException(String endpoint, String message, Throwable cause) {
    super(message, cause);
    this.endpoint = endpoint;
  }

  /** The endpoint that failed, e.g. {@code unix:///var/run/docker.sock}. */
  public String endpoint() {
    return endpoint;
  }
}
