package io.iechor.prune.core.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.iechor.prune.EngineApiException;
import io.iechor.prune.EngineConnectionException;
import io.iechor.prune.EngineInfo;
import io.iechor.prune.UnreadableResponseException;
import io.iechor.prune.spi.EngineRequest;
import io.iechor.prune.spi.EngineResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The list, inspect and delete requests of plans: versioned paths, JSON answers read with
 * {@link Json}, failures mapped as for prunes. Unlike a prune, a refusal can be an answer here
 * ({@link #send}): apply records it as the object's outcome.
 */
final class Exchange {

  /** An answer: the status, and the parsed body when 2xx or the engine's message otherwise. */
  record Answer<T>(int status, T value, String message) {
    boolean ok() {
      return status >= 200 && status <= 299;
    }
  }

  private final Session session;
  private final Duration readTimeout;

  Exchange(Session session, Duration readTimeout) {
    this.session = session;
    this.readTimeout = readTimeout;
  }

  EngineInfo info() {
    return session.info();
  }

  /** {@code /v<negotiated>} + {@code path}. */
  String versioned(String path) {
    return "/v" + session.info().apiVersion() + path;
  }

  /** Query parameters in the order given: {@code query("all", "1", "size", "1")}. */
  static Map<String, String> query(String... namesAndValues) {
    Map<String, String> q = new LinkedHashMap<>();
    for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
      q.put(namesAndValues[i], namesAndValues[i + 1]);
    }
    return q;
  }

  static EngineRequest request(String method, String path, Map<String, String> query) {
    return new EngineRequest(method, path, new LinkedHashMap<>(query));
  }

  /** GET a versioned path and read the 2xx answer; any other status is thrown. */
  <T> T get(String path, Map<String, String> query, Json.ValueReader<T> reader) {
    return getUnversioned(versioned(path), query, reader);
  }

  /** GET a path as given (Podman's own API), reading the 2xx answer; any other status is thrown. */
  <T> T getUnversioned(String fullPath, Map<String, String> query, Json.ValueReader<T> reader) {
    EngineRequest r = request("GET", fullPath, query);
    Answer<T> a = send(r, reader);
    if (!a.ok()) {
      throw thrown(r, a);
    }
    return a.value();
  }

  /** Like {@link #get}, but a 404 is an empty answer: the object does not exist (any more). */
  <T> Optional<T> find(String path, Json.ValueReader<T> reader) {
    EngineRequest r = request("GET", versioned(path), Map.of());
    Answer<T> a = send(r, reader);
    if (a.status() == 404) {
      return Optional.empty();
    }
    if (!a.ok()) {
      throw thrown(r, a);
    }
    return Optional.ofNullable(a.value());
  }

  /**
   * Sends {@code r} and returns whatever status came back; only a broken connection or an
   * unreadable 2xx body is thrown. An empty 2xx body (204) gives a {@code null} value.
   */
  <T> Answer<T> send(EngineRequest r, Json.ValueReader<T> reader) {
    String endpoint = session.info().endpoint();
    EngineResponse response;
    try {
      response = session.transport().execute(r);
    } catch (IOException e) {
      throw Failures.duringRequest(endpoint, r, e, readTimeout);
    }
    try (EngineResponse resp = response) {
      int status = resp.status();
      if (status < 200 || status > 299) {
        return new Answer<>(status, null, Failures.errorMessage(resp));
      }
      if (status == 204 || reader == null) {
        return new Answer<>(status, null, null);
      }
      try {
        return new Answer<>(status, Json.parse(resp.body(), reader), null);
      } catch (JsonProcessingException e) {
        throw new UnreadableResponseException(r.method(), r.path(), e.getOriginalMessage(), e);
      } catch (IOException e) {
        throw Failures.duringRequest(endpoint, r, e, readTimeout);
      }
    } catch (IOException e) {
      throw new EngineConnectionException(endpoint, "Closing the connection to " + endpoint + " failed: "
          + e.getMessage(), e);
    }
  }

  private static RuntimeException thrown(EngineRequest r, Answer<?> a) {
    return new EngineApiException(a.status(), a.message(), r.method(), r.path());
  }
}
