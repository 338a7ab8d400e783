package io.iechor.prune.transport.unix;

import io.iechor.prune.core.http.OkHttpTransport;
import io.iechor.prune.spi.Transport;
import io.iechor.prune.spi.TransportOptions;
import io.iechor.prune.spi.TransportProvider;
import java.io.File;
import java.net.InetAddress;
import java.net.URI;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import okhttp3.ConnectionPool;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.newsclub.net.unix.AFUNIXSocket;
import org.newsclub.net.unix.AFUNIXSocketFactory;

/**
 * {@code unix:///path/to/engine.sock}: HTTP over a Unix domain socket, with junixsocket sockets
 * under OkHttp.
 *
 * <p>Every request opens a new connection (no pool). The engine may close an idle keep-alive
 * connection at any moment, and a prune sent on such a connection could fail after the engine had
 * already started removing objects. Connecting to a local socket costs microseconds, so nothing is
 * pooled.
 */
public final class UnixTransportProvider implements TransportProvider {
  private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

  @Override
  public Set<String> schemes() {
    return Set.of("unix");
  }

  /**
   * junixsocket unpacks a native library into {@code java.io.tmpdir}; a read-only or noexec temp
   * directory makes that fail with an {@link Error} deep inside the first connection. Say so here.
   */
  private static void checkNativeLibrary() {
    String problem;
    try {
      problem = AFUNIXSocket.isSupported() ? null : "it reports Unix sockets as unsupported";
    } catch (LinkageError e) {
      problem = e.getMessage();
    }
    if (problem != null) {
      throw new IllegalArgumentException("Unix sockets are not available in this JVM: junixsocket could not load"
          + " its native library (" + problem + "). java.io.tmpdir=" + System.getProperty("java.io.tmpdir")
          + " must be writable and not mounted noexec; set -Djava.io.tmpdir to a directory that is");
    }
  }

  @Override
  public Transport open(URI endpoint, TransportOptions options) {
    String path = endpoint.getPath();
    if (path == null || path.isEmpty() || (endpoint.getHost() != null && !endpoint.getHost().isEmpty())) {
      throw new IllegalArgumentException("A Unix socket address is unix:// followed by an absolute path, e.g."
          + " unix:///var/run/docker.sock; got " + endpoint);
    }
    checkNativeLibrary();
    OkHttpClient client = new OkHttpClient.Builder()
        .socketFactory(new AFUNIXSocketFactory.FactoryArg(new File(path)))
        // The host name in the URL is a placeholder: nothing is looked up.
        .dns(host -> List.of(LOOPBACK))
        .connectionPool(new ConnectionPool(0, 1, TimeUnit.MILLISECONDS))
        .retryOnConnectionFailure(false)
        .followRedirects(false)
        .connectTimeout(options.connectTimeout())
        .readTimeout(options.readTimeout())
        .writeTimeout(options.readTimeout())
        .build();
    HttpUrl base = new HttpUrl.Builder().scheme("http").host("localhost").build();
    return new OkHttpTransport(client, base, "unix://" + path);
  }
}
