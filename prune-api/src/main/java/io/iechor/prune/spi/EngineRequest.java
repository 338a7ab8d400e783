package io.iechor.prune.spi;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One HTTP request to the engine, independent of any HTTP library.
 *
 * @param method {@code GET}, {@code HEAD} or {@code POST}
 * @param path the versioned path, e.g. {@code /v1.41/containers/prune}
 * @param query query parameters in order, not yet encoded
 */
public record EngineRequest(String method, String path, Map<String, String> query) {

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

  /** Method and path with the encoded query, for messages. */
  @Override
  public String toString() {
    return method + " " + path + (query.isEmpty() ? "" : "?" + query);
  }
}
