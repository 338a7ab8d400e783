package io.iechor.prune.transport.unix;

import java.io.IOException;
import java.io.InputStream;

/**
 * A body of {@code Content-Length} bytes. Ending sooner is an error, not a short body: a
 * truncated JSON answer must not be read as a complete one.
 */
final class FixedLengthInputStream extends InputStream {
  private final Connection in;
  private long remaining;

  FixedLengthInputStream(Connection in, long length) {
    this.in = in;
    this.remaining = length;
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    return read(one, 0, 1) == -1 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    if (remaining == 0) {
      return -1;
    }
    if (len == 0) {
      return 0;
    }
    int n = in.read(b, off, (int) Math.min(len, remaining));
    if (n == -1) {
      throw new IOException("unexpected end of stream: the body ended " + remaining
          + " bytes before its Content-Length");
    }
    remaining -= n;
    return n;
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
