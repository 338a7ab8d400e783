package io.iechor.prune.transport.unix;

import java.io.IOException;
import java.io.InputStream;
import java.net.ProtocolException;

/**
 * A {@code Transfer-Encoding: chunked} body: hexadecimal size lines, each followed by that many
 * bytes and CR LF, up to a zero size and optional trailers. Engines stream large answers this way.
 */
final class ChunkedInputStream extends InputStream {
  private final Connection in;
  /** Bytes left in the current chunk; 0 before the first size line and after each chunk. */
  private long remaining;
  private boolean first = true;
  private boolean done;

  ChunkedInputStream(Connection in) {
    this.in = in;
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    return read(one, 0, 1) == -1 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    if (len == 0) {
      return done ? -1 : 0;
    }
    if (remaining == 0 && !nextChunk()) {
      return -1;
    }
    int n = in.read(b, off, (int) Math.min(len, remaining));
    if (n == -1) {
      throw new ProtocolException("unexpected end of stream in a chunk of the body");
    }
    remaining -= n;
    return n;
  }

  /** Moves to the next chunk; {@code false} after the last one and its trailers. */
  private boolean nextChunk() throws IOException {
    if (done) {
      return false;
    }
    if (!first) {
      String end = in.readLine();
      if (end == null || !end.isEmpty()) {
        throw new ProtocolException("a chunk of the body does not end with CR LF");
      }
    }
    first = false;
    String line = in.readLine();
    if (line == null) {
      throw new ProtocolException("unexpected end of stream before the last chunk of the body");
    }
    int semicolon = line.indexOf(';'); // chunk extensions: none we need
    String hex = (semicolon >= 0 ? line.substring(0, semicolon) : line).trim();
    try {
      remaining = Long.parseLong(hex, 16);
    } catch (NumberFormatException e) {
      throw new ProtocolException("invalid chunk size: " + hex);
    }
    if (remaining < 0) {
      throw new ProtocolException("invalid chunk size: " + hex);
    }
    if (remaining > 0) {
      return true;
    }
    // The last chunk: trailers (none we need) up to an empty line.
    for (String trailer = in.readLine(); trailer == null || !trailer.isEmpty(); trailer = in.readLine()) {
      if (trailer == null) {
        throw new ProtocolException("unexpected end of stream in the trailers of the body");
      }
    }
    done = true;
    return false;
  }

  @Override
  public int available() {
    return (int) Math.min(in.available(), remaining);
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
