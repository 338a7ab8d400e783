package io.iechor.prune.transport.unix;

import io.iechor.prune.spi.Transport;
import io.iechor.prune.spi.TransportOptions;
import io.iechor.prune.spi.TransportProvider;
import java.net.URI;
import java.nio.file.Path;
import java.util.Set;

/**
 * {@code unix:///path/to/engine.sock}: HTTP/1.1 over a Unix domain socket, on the JDK's own
 * {@link java.nio.channels.SocketChannel} (Java 16 and later): no native library, nothing unpacked
 * into {@code java.io.tmpdir}, no HTTP library.
 *
 * <pre>{@code
 * try (PruneClient engine = Pruner.connect("unix:///var/run/docker.sock")) {
 *   engine.containers().run();
 * }
 * }</pre>
 *
 * <p>Every request opens a new connection and closes it with the answer. The engine may close an
 * idle keep-alive connection at any moment, and a prune sent on such a connection could fail after
 * the engine had already started removing objects. Connecting to a local socket costs
 * microseconds, so nothing is pooled.
 */
public final class UnixTransportProvider implements TransportProvider {

  @Override
  public Set<String> schemes() {
    return Set.of("unix");
  }

  @Override
  public Transport open(URI endpoint, TransportOptions options) {
    String path = endpoint.getPath();
    if (path == null || path.isEmpty() || (endpoint.getHost() != null && !endpoint.getHost().isEmpty())) {
      throw new IllegalArgumentException("A Unix socket address is unix:// followed by an absolute path, e.g."
          + " unix:///var/run/docker.sock; got " + endpoint);
    }
    return new UnixSocketTransport(Path.of(path), "unix://" + path, options.connectTimeout(),
        options.readTimeout(), userAgent());
  }

  /** {@code iechor-prune/0.1.0}, from the jar's manifest; {@code dev} when run from classes. */
  private static String userAgent() {
    String version = UnixTransportProvider.class.getPackage().getImplementationVersion();
    return "iechor-prune/" + (version == null ? "dev" : version);
  }
}
