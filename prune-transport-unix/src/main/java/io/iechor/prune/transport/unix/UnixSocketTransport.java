package io.iechor.prune.transport.unix;

import io.iechor.prune.spi.EngineRequest;
import io.iechor.prune.spi.EngineResponse;
import io.iechor.prune.spi.Transport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * Sends each request on a connection of its own ({@code Connection: close}) and hands the
 * connection to the response, which closes it. Holds no connection itself, so it is thread-safe
 * and closing it releases nothing.
 */
final class UnixSocketTransport implements Transport {
  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  private final Path socket;
  private final String endpoint;
  private final Duration connectTimeout;
  private final Duration readTimeout;
  private final String userAgent;

  UnixSocketTransport(Path socket, String endpoint, Duration connectTimeout, Duration readTimeout,
      String userAgent) {
    this.socket = socket;
    this.endpoint = endpoint;
    this.connectTimeout = connectTimeout;
    this.readTimeout = readTimeout;
    this.userAgent = userAgent;
  }

  @Override
  public EngineResponse execute(EngineRequest request) throws IOException {
    Connection connection = Connection.open(socket, connectTimeout, readTimeout,
        request.overallTimeout().orElse(null));
    try {
      connection.write(head(request).getBytes(StandardCharsets.US_ASCII));
      return HttpResponseReader.read(connection, request.method().equals("HEAD"));
    } catch (IOException | RuntimeException e) {
      connection.close();
      throw e;
    }
  }

  /** The request line and headers; everything in them is ASCII once the target is encoded. */
  String head(EngineRequest request) {
    StringBuilder s = new StringBuilder(256);
    s.append(request.method()).append(' ');
    encode(s, request.path(), true);
    char separator = '?';
    for (Map.Entry<String, String> q : request.query().entrySet()) {
      s.append(separator);
      encode(s, q.getKey(), false);
      s.append('=');
      encode(s, q.getValue(), false);
      separator = '&';
    }
    s.append(" HTTP/1.1\r\n");
    // Engines reject HTTP/1.1 requests without a Host; the name means nothing on a socket.
    s.append("Host: localhost\r\n");
    s.append("User-Agent: ").append(userAgent).append("\r\n");
    s.append("Connection: close\r\n");
    if (request.method().equals("POST")) {
      // Without it some servers wait for a body or answer 411.
      s.append("Content-Length: 0\r\n");
    }
    return s.append("\r\n").toString();
  }

  /**
   * Percent-encodes {@code text} as UTF-8. Query names and values keep only unreserved characters
   * (RFC 3986): the {@code filters} JSON holds {@code {":,=!} and any label text. A path also
   * keeps {@code /} and the characters a path segment allows, and {@code %} because the path
   * arrives encoded.
   */
  private static void encode(StringBuilder out, String text, boolean path) {
    for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if (isUnreserved(c) || (path && "/%:@!$&'()*+,;=".indexOf(c) >= 0)) {
        out.append((char) c);
      } else {
        out.append('%').append(HEX[c >> 4]).append(HEX[c & 0xf]);
      }
    }
  }

  private static boolean isUnreserved(int c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
        || c == '-' || c == '.' || c == '_' || c == '~';
  }

  @Override
  public String endpoint() {
    return endpoint;
  }

  @Override
  public void close() {
    // Each connection belongs to its response; there is nothing shared to release.
  }
}
