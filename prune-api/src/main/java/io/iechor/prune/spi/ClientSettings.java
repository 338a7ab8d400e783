package io.iechor.prune.spi;

import java.nio.file.Path;
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
 * @param tlsDirectory {@code ca.pem}, {@code cert.pem} and {@code key.pem} for TLS over TCP, or
 *     {@code null} to follow {@code IECHOR_TLS_VERIFY}/{@code DOCKER_TLS_VERIFY}
 */
public record ClientSettings(String endpoint, Duration connectTimeout, Duration readTimeout,
    Duration retryOnConflict, Path tlsDirectory) {

  /** Settings that take TLS from the environment. */
  public ClientSettings(String endpoint, Duration connectTimeout, Duration readTimeout, Duration retryOnConflict) {
    this(endpoint, connectTimeout, readTimeout, retryOnConflict, null);
  }

  public ClientSettings {
    Objects.requireNonNull(connectTimeout, "connectTimeout");
    Objects.requireNonNull(readTimeout, "readTimeout");
    Objects.requireNonNull(retryOnConflict, "retryOnConflict");
    if (connectTimeout.isNegative() || readTimeout.isNegative() || retryOnConflict.isNegative()) {
      throw new IllegalArgumentException("Durations must not be negative");
    }
  }

  /** The TLS certificate directory given explicitly, if any. */
  public Optional<Path> explicitTlsDirectory() {
    return Optional.ofNullable(tlsDirectory);
  }

  public Optional<String> explicitEndpoint() {
    return Optional.ofNullable(endpoint);
  }
}
