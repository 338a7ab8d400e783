package io.iechor.prune.spi;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How a client was asked to connect.
 *
 * @param endpoint the engine's address, or {@code null} to find it (environment, context, sockets)
 * @param connectTimeout how long to wait for a connection
 * @param readTimeout how long to wait for an answer
 * @param retryOnConflict how long to keep retrying a prune refused with 409 because another prune
 *     runs; {@link Duration#ZERO} to fail at once
 */
public record ClientSettings(String endpoint, Duration connectTimeout, Duration readTimeout,
    Duration retryOnConflict) {

  public ClientSettings {
    Objects.requireNonNull(connectTimeout, "connectTimeout");
    Objects.requireNonNull(readTimeout, "readTimeout");
    Objects.requireNonNull(retryOnConflict, "retryOnConflict");
    if (connectTimeout.isNegative() || readTimeout.isNegative() || retryOnConflict.isNegative()) {
      throw new IllegalArgumentException("Durations must not be negative");
    }
  }

  public Optional<String> explicitEndpoint() {
    return Optional.ofNullable(endpoint);
  }
}
