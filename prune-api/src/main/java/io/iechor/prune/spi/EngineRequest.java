package io.iechor.prune.spi;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One HTTP request to the engine, independent of any HTTP library.
 *
 * @param method {@code GET}, {@code HEAD} or {@code POST}
 * @param path the versioned path, e.g. {@code /v1.41/containers/prune}
 * @param query query parameters in order, not yet encoded
 * @param timeout how long the whole exchange may take, or {@code null} for the transport's
 *     connect and read timeouts
 */
public record EngineRequest(String method, String path, Map<String, String> query, Duration timeout) {

  public EngineRequest(String method, String path, Map<String, String> query) {
    this(method, path, query, null);
  }

  public EngineRequest {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(path, "path");
    if (!path.startsWith("/")) {
      throw new IllegalArgumentException("path must start with '/': " + path);
    }
    query = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(query, "query")));
  }

  public static EngineRequest of(String method, String path) {
    return new EngineRequest(method, path, Map.of());
  }

  /** The same request, limited to {@code limit} in all. */
  public EngineRequest withTimeout(Duration limit) {
    return new EngineRequest(method, path, query, Objects.requireNonNull(limit, "limit"));
  }

  /** The limit for the whole exchange, when one is set. */
  public Optional<Duration> overallTimeout() {
    return Optional.ofNullable(timeout);
  }

  /** Method and path with the encoded query, for messages. */
  @Override
  public String toString() {
    return method + " " + path + (query.isEmpty() ? "" : "?" + query);
  }
}
