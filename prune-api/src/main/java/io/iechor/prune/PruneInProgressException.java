package io.iechor.prune;

/**
 * HTTP 409: the engine is already running a prune that holds the same lock (container and network
 * prunes share one; images and volumes each have their own). Nothing was removed by this request.
 * Retry later, or build the client with {@code Pruner.builder().retryOnConflict(...)}.
 */
public class PruneInProgressException extends EngineApiException {
  private static final long serialVersionUID = 1L;

  public PruneInProgressException(String engineMessage, String method, String path) {
    super(409, engineMessage, method, path,
        "Another prune is already running on the engine (" + method + " " + path + ": " + engineMessage
            + "). Nothing was removed; retry when it has finished, or enable retryOnConflict.");
  }
}
