package io.iechor.prune.spi;

import java.net.URI;
import java.util.Set;

/**
 * Opens transports for the URI schemes it knows. Found with {@link java.util.ServiceLoader}: a
 * module that adds a scheme lists its provider in
 * {@code META-INF/services/io.iechor.prune.spi.TransportProvider}.
 */
public interface TransportProvider {

  /** The schemes handled, e.g. {@code unix} or {@code tcp}, {@code http}, {@code https}. */
  Set<String> schemes();

  /**
   * Opens a transport for {@code endpoint}. Opening does not connect: the first request does.
   *
   * @throws IllegalArgumentException when the endpoint is malformed for this scheme
   */
  Transport open(URI endpoint, TransportOptions options);
}
