package io.iechor.prune.transport.unix;

import io.iechor.prune.spi.EngineResponse;
import java.io.IOException;
import java.io.InputStream;
import java.net.ProtocolException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Reads an HTTP/1.1 answer's status line and headers, and picks how its body ends: by
 * {@code Content-Length}, by chunks, or with the connection. The body streams from the socket:
 * answers can be hundreds of megabytes.
 */
final class HttpResponseReader {
  /** More header bytes than this is not an engine's answer. */
  private static final int MAX_HEAD = 1024 * 1024;

  private HttpResponseReader() {
  }

  /** Reads the head from {@code connection}; the response owns the connection from then on. */
  static EngineResponse read(Connection connection, boolean head) throws IOException {
    int status;
    Map<String, String> headers;
    do {
      status = status(connection.readLine());
      headers = headers(connection);
      // 1xx answers are interim (we send no Expect, but a server may still send 100): skip them.
    } while (status >= 100 && status < 200 && status != 101);
    return new Response(status, headers, connection, body(status, headers, connection, head));
  }

  /** The status code of {@code HTTP/1.1 200 OK}. */
  private static int status(String line) throws ProtocolException {
    if (line == null) {
      throw new ProtocolException("the connection closed before an answer (unexpected end of stream)");
    }
    // "HTTP/1.x " then three digits, then a space and a reason phrase that may be empty or missing.
    if (line.length() < 12 || !line.startsWith("HTTP/1.") || line.charAt(8) != ' '
        || (line.length() > 12 && line.charAt(12) != ' ')) {
      throw new ProtocolException("not an HTTP/1.x status line: " + abbreviate(line));
    }
    String code = line.substring(9, 12);
    for (int i = 0; i < 3; i++) {
      if (code.charAt(i) < '0' || code.charAt(i) > '9') {
        throw new ProtocolException("not an HTTP/1.x status line: " + abbreviate(line));
      }
    }
    return Integer.parseInt(code);
  }

  /** Header names in any case, first value kept. */
  private static Map<String, String> headers(Connection connection) throws IOException {
    Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    int size = 0;
    for (String line = connection.readLine(); ; line = connection.readLine()) {
      if (line == null) {
        throw new ProtocolException("the connection closed in the answer's headers (unexpected end of stream)");
      }
      if (line.isEmpty()) {
        return headers;
      }
      size += line.length();
      if (size > MAX_HEAD) {
        throw new ProtocolException("the answer's headers are longer than " + MAX_HEAD + " bytes");
      }
      int colon = line.indexOf(':');
      if (colon <= 0) {
        throw new ProtocolException("malformed header line: " + abbreviate(line));
      }
      headers.putIfAbsent(line.substring(0, colon).trim(), line.substring(colon + 1).trim());
    }
  }

  private static InputStream body(int status, Map<String, String> headers, Connection connection, boolean head)
      throws ProtocolException {
    if (head || status == 204 || status == 304) {
      return InputStream.nullInputStream();
    }
    String encoding = headers.get("Transfer-Encoding");
    if (encoding != null && encoding.toLowerCase(Locale.ROOT).contains("chunked")) {
      return new ChunkedInputStream(connection);
    }
    String length = headers.get("Content-Length");
    if (length != null) {
      try {
        long n = Long.parseLong(length);
        if (n >= 0) {
          return new FixedLengthInputStream(connection, n);
        }
      } catch (NumberFormatException e) {
        // reported below
      }
      throw new ProtocolException("invalid Content-Length: " + abbreviate(length));
    }
    // No length and not chunked: the body ends when the engine closes the connection.
    return connection;
  }

  private static String abbreviate(String s) {
    return s.length() <= 100 ? s : s.substring(0, 100) + "...";
  }

  /** The answer; closing it or its body closes the connection, which is never reused. */
  private static final class Response implements EngineResponse {
    private final int status;
    private final Map<String, String> headers;
    private final Connection connection;
    private final InputStream body;

    Response(int status, Map<String, String> headers, Connection connection, InputStream body) {
      this.status = status;
      this.headers = headers;
      this.connection = connection;
      this.body = body;
    }

    @Override
    public int status() {
      return status;
    }

    @Override
    public Optional<String> header(String name) {
      return Optional.ofNullable(headers.get(name));
    }

    @Override
    public InputStream body() {
      return body;
    }

    @Override
    public void close() throws IOException {
      connection.close();
    }
  }
}
