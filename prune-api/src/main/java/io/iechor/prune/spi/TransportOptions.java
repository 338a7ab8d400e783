package io.iechor.prune.spi;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Settings every transport honours.
 *
 * @param connectTimeout how long to wait for a connection
 * @param readTimeout how long to wait for the engine's answer; prunes can take minutes
 * @param tlsDirectory where {@code ca.pem}, {@code cert.pem} and {@code key.pem} are, when TLS is
 *     on (TCP only); {@code null} for plain connections
 */
public record TransportOptions(Duration connectTimeout, Duration readTimeout, Path tlsDirectory) {

  public TransportOptions {
    Objects.requireNonNull(connectTimeout, "connectTimeout");
    Objects.requireNonNull(readTimeout, "readTimeout");
    if (connectTimeout.isNegative() || readTimeout.isNegative()) {
      throw new IllegalArgumentException("Timeouts must not be negative");
    }
  }

  /** The TLS certificate directory, when TLS is on. */
  public Optional<Path> tls() {
    return Optional.ofNullable(tlsDirectory);
  }
}
