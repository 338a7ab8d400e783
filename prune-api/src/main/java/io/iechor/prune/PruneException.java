package io.iechor.prune;

/**
 * The root of every failure this library reports.
 *
 * <p>Unchecked: a prune is usually a best-effort housekeeping step, and callers that care
 * catch the specific subtype they can act on:
 * <ul>
 *   <li>{@link EngineNotFoundException}: no engine answered; lists every place tried.</li>
 *   <li>{@link EngineConnectionException}: the engine was found but the connection failed or timed out.</li>
 *   <li>{@link EngineApiException}: the engine refused the request (status, message, method, path);
 *       {@link PruneInProgressException} when another prune of the same kind is running.</li>
 *   <li>{@link UnsupportedFeatureException}: the negotiated API version lacks what was asked for.</li>
 *   <li>{@link InvalidFilterException}: a filter is malformed or not valid for that kind of object.</li>
 *   <li>{@link UnreadableResponseException}: the engine answered something this library cannot read.</li>
 * </ul>
 * Programming errors (a {@code null} argument, an empty label key) are reported with the usual
 * JDK exceptions instead.
 */
public class PruneException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public PruneException(String message) {
    super(message);
  }

  public PruneException(String message, Throwable cause) {
    super(message, cause);
  }
}
