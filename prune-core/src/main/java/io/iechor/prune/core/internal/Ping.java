package io.iechor.prune.core.internal;

import io.iechor.prune.ApiVersion;
import io.iechor.prune.EngineInfo;
import io.iechor.prune.UnreadableResponseException;
import io.iechor.prune.UnsupportedFeatureException;
import io.iechor.prune.spi.EngineRequest;
import io.iechor.prune.spi.EngineResponse;
import io.iechor.prune.spi.Transport;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;

/** Version negotiation: the lower of this library's highest API version and the engine's. */
final class Ping {
  /** The newest API version whose prune behaviour this library knows. */
  static final ApiVersion MAX_API = ApiVersion.of(1, 55);
  /** The first API version with the prune endpoints (Engine 1.13). */
  static final ApiVersion MIN_API = ApiVersion.of(1, 25);

  private Ping() {
  }

  /**
   * Pings the engine ({@code HEAD /_ping}, then {@code GET} where HEAD is refused) and works out
   * the API version to speak.
   *
   * @throws IOException when nothing answers
   * @throws UnsupportedFeatureException when the engine is older than API 1.25
   */
  static EngineInfo negotiate(Transport t, Duration timeout) throws IOException {
    // The ping gets the connect timeout, not the read timeout meant for long prunes: something
    // that accepts connections but never answers is not an engine worth waiting minutes for.
    EngineRequest head = EngineRequest.of("HEAD", "/_ping").withTimeout(timeout);
    String apiHeader;
    String server;
    boolean podman;
    try (EngineResponse r = t.execute(head)) {
      if (r.status() == 200) {
        apiHeader = r.header("Api-Version").orElse(null);
        server = r.header("Server").orElse("");
        podman = isPodman(r, server);
      } else {
        apiHeader = null;
        server = null;
        podman = false;
      }
    }
    if (server == null) {
      EngineRequest get = EngineRequest.of("GET", "/_ping").withTimeout(timeout);
      try (EngineResponse r = t.execute(get)) {
        if (r.status() != 200) {
          throw Failures.fromResponse(get, r, null);
        }
        apiHeader = r.header("Api-Version").orElse(null);
        server = r.header("Server").orElse("");
        podman = isPodman(r, server);
      }
    }
    if (apiHeader == null) {
      throw new UnreadableResponseException("HEAD", "/_ping",
          "the answer has no Api-Version header, so the engine's API version is unknown", null);
    }
    ApiVersion engine;
    try {
      engine = ApiVersion.parse(apiHeader);
    } catch (IllegalArgumentException e) {
      throw new UnreadableResponseException("HEAD", "/_ping", "Api-Version '" + apiHeader + "' is not a version", e);
    }
    ApiVersion spoken = engine.compareTo(MAX_API) < 0 ? engine : MAX_API;
    if (spoken.isBelow(MIN_API)) {
      throw new UnsupportedFeatureException("prune", MIN_API, spoken, "The engine at " + t.endpoint()
          + " speaks API " + spoken + "; pruning needs API " + MIN_API + " (Engine 1.13) or newer");
    }
    return new EngineInfo(t.endpoint(), spoken, engine, server, podman);
  }

  private static boolean isPodman(EngineResponse r, String server) {
    Optional<String> libpod = r.header("Libpod-Api-Version");
    return libpod.isPresent() || server.startsWith("Libpod");
  }
}
