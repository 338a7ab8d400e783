package io.iechor.prune.core.http;

import io.iechor.prune.core.tls.TlsMaterial;
import io.iechor.prune.spi.Transport;
import io.iechor.prune.spi.TransportOptions;
import io.iechor.prune.spi.TransportProvider;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Set;
import java.util.function.UnaryOperator;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

/**
 * {@code tcp://host:port} (plain, or TLS when the options carry a certificate directory),
 * {@code http://} and {@code https://}.
 */
public final class TcpTransportProvider implements TransportProvider {
  private static final System.Logger LOG = System.getLogger(TcpTransportProvider.class.getName());

  @Override
  public Set<String> schemes() {
    return Set.of("tcp", "http", "https");
  }

  @Override
  public Transport open(URI endpoint, TransportOptions options) {
    String host = endpoint.getHost();
    if (host == null || host.isEmpty()) {
      throw new IllegalArgumentException("No host in " + endpoint + "; expected e.g. tcp://host:2376");
    }
    // Schemes are case-insensitive, and Transports picked this provider ignoring case.
    String scheme = endpoint.getScheme().toLowerCase(Locale.ROOT);
    boolean tls = scheme.equals("https") || (scheme.equals("tcp") && options.tls().isPresent());
    int port = endpoint.getPort() != -1 ? endpoint.getPort() : tls ? 2376 : 2375;
    OkHttpClient.Builder b = new OkHttpClient.Builder()
        .connectTimeout(options.connectTimeout())
        .readTimeout(options.readTimeout())
        .writeTimeout(options.readTimeout())
        .callTimeout(java.time.Duration.ZERO)
        // A prune must never be sent twice behind the caller's back: the first may have run.
        .retryOnConnectionFailure(false)
        .followRedirects(false);
    UnaryOperator<IOException> diagnose = UnaryOperator.identity();
    if (tls && options.tls().isPresent()) {
      TlsMaterial material = TlsMaterial.load(options.tls().get());
      b.sslSocketFactory(material.socketFactory(), material.trustManager());
      diagnose = new TlsDiagnosis(options.tls().get(), material);
    } else if (!tls && !isLoopback(host)) {
      LOG.log(Level.WARNING, "The connection to {0} is not encrypted: anyone on the network can read and"
          + " alter it. Set IECHOR_TLS_VERIFY=1 and IECHOR_CERT_PATH to use TLS.", endpoint);
    }
    HttpUrl base = new HttpUrl.Builder().scheme(tls ? "https" : "http").host(host).port(port).build();
    return new OkHttpTransport(b.build(), base, endpoint.toString(), diagnose);
  }

  private static boolean isLoopback(String host) {
    if (host.equalsIgnoreCase("localhost")) {
      return true;
    }
    try {
      // Only literal addresses are checked; a name is not looked up just to decide on a warning.
      if (host.chars().allMatch(c -> Character.isDigit(c) || c == '.' || c == ':' || c == '[' || c == ']')) {
        return InetAddress.getByName(host.replace("[", "").replace("]", "")).isLoopbackAddress();
      }
      return false;
    } catch (UnknownHostException e) {
      return false;
    }
  }
}
