package io.iechor.prune.benchmarks;

import java.io.EOFException;
import java.io.IOException;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The floor: one HTTP/1.1 exchange written by hand on the JDK's own Unix-domain
 * {@link SocketChannel}, on a new connection per request as the library's Unix transport does.
 * It reads the status line, the headers it needs and the body ({@code Content-Length}, or chunked
 * where the engine streams a large answer). No HTTP library, no JSON, no TLS.
 */
final class RawHttp {
  private static final byte[] CRLF = {'\r', '\n'};

  private final UnixDomainSocketAddress address;

  RawHttp(Path socket) {
    this.address = UnixDomainSocketAddress.of(socket);
  }

  /**
   * Status, the value of the header asked for by name (or {@code null}), every header by lower-case
   * name when {@code "*"} was asked for (else empty), and the body.
   */
  record Answer(int status, String header, Map<String, String> headers, byte[] body) {
  }

  /**
   * @param target path and encoded query, e.g. {@code /v1.41/containers/prune}
   * @param json a request body, or {@code null}
   * @param wantedHeader a header to return the value of, {@code "*"} for all, or {@code null}
   */
  Answer exchange(String method, String target, byte[] json, String wantedHeader) throws IOException {
    StringBuilder head = new StringBuilder(160).append(method).append(' ').append(target)
        .append(" HTTP/1.1\r\nHost: localhost\r\n");
    if (json != null) {
      head.append("Content-Type: application/json\r\nContent-Length: ").append(json.length).append("\r\n");
    } else if (method.equals("POST")) {
      head.append("Content-Length: 0\r\n");
    }
    head.append("\r\n");
    byte[] h = head.toString().getBytes(StandardCharsets.ISO_8859_1);
    ByteBuffer out = ByteBuffer.allocate(h.length + (json == null ? 0 : json.length)).put(h);
    if (json != null) {
      out.put(json);
    }
    out.flip();
    try (SocketChannel ch = SocketChannel.open(address)) {
      while (out.hasRemaining()) {
        ch.write(out);
      }
      return read(new In(ch), method.equals("HEAD"), wantedHeader);
    }
  }

  private static Answer read(In in, boolean head, String wantedHeader) throws IOException {
    String status = in.line();
    if (!status.startsWith("HTTP/1.") || status.length() < 12) {
      throw new IOException("not an HTTP answer: " + status);
    }
    int code = Integer.parseInt(status, 9, 12, 10);
    long length = -1;
    boolean chunked = false;
    String wanted = null;
    String wantedLower = wantedHeader == null ? null : wantedHeader.toLowerCase(Locale.ROOT);
    boolean keepAll = "*".equals(wantedHeader);
    Map<String, String> all = keepAll ? new HashMap<>() : Map.of();
    for (String line = in.line(); !line.isEmpty(); line = in.line()) {
      int colon = line.indexOf(':');
      String name = line.substring(0, colon).toLowerCase(Locale.ROOT);
      String value = line.substring(colon + 1).trim();
      if (name.equals("content-length")) {
        length = Long.parseLong(value);
      } else if (name.equals("transfer-encoding")) {
        chunked = value.equalsIgnoreCase("chunked");
      } else if (name.equals(wantedLower)) {
        wanted = value;
      }
      if (keepAll) {
        all.putIfAbsent(name, value);
      }
    }
    if (head || code == 204 || code == 304) {
      return new Answer(code, wanted, all, new byte[0]);
    }
    if (chunked) {
      byte[] body = new byte[0];
      for (int size = Integer.parseInt(in.line().split(";", 2)[0].trim(), 16); size > 0;
          size = Integer.parseInt(in.line().split(";", 2)[0].trim(), 16)) {
        int at = body.length;
        body = Arrays.copyOf(body, at + size);
        in.bytes(body, at, size);
        in.line();
      }
      return new Answer(code, wanted, all, body);
    }
    if (length < 0) {
      throw new IOException("no Content-Length and not chunked");
    }
    byte[] body = new byte[(int) length];
    in.bytes(body, 0, body.length);
    return new Answer(code, wanted, all, body);
  }

  /** A buffered reader of lines and bytes over the channel. */
  private static final class In {
    private final SocketChannel ch;
    private final ByteBuffer buf = ByteBuffer.allocate(8192).flip();

    In(SocketChannel ch) {
      this.ch = ch;
    }

    private void fill() throws IOException {
      buf.compact();
      int n = ch.read(buf);
      buf.flip();
      if (n < 0) {
        throw new EOFException("the engine closed the connection");
      }
    }

    String line() throws IOException {
      StringBuilder sb = new StringBuilder(64);
      while (true) {
        while (buf.hasRemaining()) {
          byte b = buf.get();
          if (b == CRLF[1]) {
            int end = sb.length();
            return end > 0 && sb.charAt(end - 1) == '\r' ? sb.substring(0, end - 1) : sb.toString();
          }
          sb.append((char) (b & 0xff));
        }
        fill();
      }
    }

    void bytes(byte[] into, int at, int count) throws IOException {
      while (count > 0) {
        if (!buf.hasRemaining()) {
          fill();
        }
        int n = Math.min(count, buf.remaining());
        buf.get(into, at, n);
        at += n;
        count -= n;
      }
    }
  }
}
