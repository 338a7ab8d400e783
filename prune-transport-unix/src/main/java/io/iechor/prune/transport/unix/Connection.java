package io.iechor.prune.transport.unix;

import java.io.IOException;
import java.io.InputStream;
import java.net.ProtocolException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * One connection to a Unix socket, read as a buffered stream, with timeouts.
 *
 * <p>The channel is non-blocking and waits in a {@link Selector}: a blocking {@link SocketChannel}
 * has no read timeout, and a Unix one has no {@code socket()} view to set one on. Every wait is
 * bounded by the read timeout (the longest silence allowed) and by the deadline of the whole
 * exchange, whichever comes first. A zero timeout means none.
 */
final class Connection extends InputStream {
  /** A status line or header longer than this is not an engine's. */
  private static final int MAX_LINE = 64 * 1024;
  /** How long to wait before trying again when the socket's backlog is full. */
  private static final long BACKLOG_RETRY_MILLIS = 10;

  private final SocketChannel channel;
  private final long readTimeoutNanos;
  /** When the whole exchange must be over, as a {@link System#nanoTime()}; {@code MAX_VALUE} for never. */
  private final long deadline;
  private final String deadlineMessage;
  private final ByteBuffer buffer = ByteBuffer.allocate(16 * 1024).flip();
  private Selector selector;

  private Connection(SocketChannel channel, Duration readTimeout, Duration overall) {
    this.channel = channel;
    this.readTimeoutNanos = readTimeout.isZero() ? Long.MAX_VALUE : readTimeout.toNanos();
    this.deadline = overall == null ? Long.MAX_VALUE : System.nanoTime() + overall.toNanos();
    this.deadlineMessage = overall == null ? null
        : "timeout: the exchange took longer than its limit of " + overall.toMillis() + " ms";
  }

  /**
   * Connects within {@code connectTimeout}; {@code overall}, when not {@code null}, limits the
   * whole exchange from now on.
   * Failures keep the JDK's messages ("No such file or directory", "Permission denied",
   * "Connection refused"), which the engine client turns into advice.
   */
  static Connection open(Path socket, Duration connectTimeout, Duration readTimeout, Duration overall)
      throws IOException {
    Connection c = new Connection(SocketChannel.open(StandardProtocolFamily.UNIX), readTimeout, overall);
    try {
      c.channel.configureBlocking(false);
      c.connect(UnixDomainSocketAddress.of(socket), connectTimeout);
      return c;
    } catch (IOException | RuntimeException e) {
      c.close();
      throw e;
    }
  }

  private void connect(UnixDomainSocketAddress address, Duration connectTimeout) throws IOException {
    long start = System.nanoTime();
    long limit = connectTimeout.isZero() ? Long.MAX_VALUE : connectTimeout.toNanos();
    while (true) {
      try {
        if (channel.connect(address)) {
          return;
        }
        break;
      } catch (SocketException e) {
        // A full backlog fails a non-blocking connect with EAGAIN where a blocking one would
        // wait for room: wait too, up to the connect timeout.
        if (!String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT).contains("temporarily unavailable")) {
          throw e;
        }
        if (System.nanoTime() - start >= limit || (deadline != Long.MAX_VALUE && System.nanoTime() - deadline >= 0)) {
          throw new SocketTimeoutException("timeout: connect to " + address + " took longer than "
              + connectTimeout.toMillis() + " ms (its backlog is full)");
        }
        sleep();
      }
    }
    while (!channel.finishConnect()) {
      await(SelectionKey.OP_CONNECT, nanosLeft(start, limit),
          "timeout: connect to " + address + " took longer than " + connectTimeout.toMillis() + " ms");
    }
  }

  private static long nanosLeft(long start, long limit) {
    return limit == Long.MAX_VALUE ? limit : Math.max(1, limit - (System.nanoTime() - start));
  }

  private static void sleep() throws IOException {
    try {
      Thread.sleep(BACKLOG_RETRY_MILLIS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new java.io.InterruptedIOException("interrupted while connecting");
    }
  }

  /** Writes all of {@code bytes}, waiting at most the read timeout whenever the socket is full. */
  void write(byte[] bytes) throws IOException {
    ByteBuffer b = ByteBuffer.wrap(bytes);
    while (b.hasRemaining()) {
      if (channel.write(b) == 0) {
        await(SelectionKey.OP_WRITE, readTimeoutNanos, "timeout: the request could not be sent within the read"
            + " timeout of " + TimeUnit.NANOSECONDS.toMillis(readTimeoutNanos) + " ms");
      }
    }
  }

  /** A line without its CR LF, or {@code null} at the end of the stream before any byte. */
  String readLine() throws IOException {
    StringBuilder line = new StringBuilder(64);
    while (true) {
      int c = read();
      if (c == -1) {
        return line.length() == 0 ? null : line.toString();
      }
      if (c == '\n') {
        int end = line.length();
        return end > 0 && line.charAt(end - 1) == '\r' ? line.substring(0, end - 1) : line.toString();
      }
      if (line.length() == MAX_LINE) {
        throw new ProtocolException("a line of the answer is longer than " + MAX_LINE + " bytes");
      }
      line.append((char) c); // ISO-8859-1, as HTTP/1.1 headers are
    }
  }

  @Override
  public int read() throws IOException {
    if (!buffer.hasRemaining() && !fill()) {
      return -1;
    }
    return buffer.get() & 0xff;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    if (len == 0) {
      return 0;
    }
    if (!buffer.hasRemaining() && !fill()) {
      return -1;
    }
    int n = Math.min(len, buffer.remaining());
    buffer.get(b, off, n);
    return n;
  }

  @Override
  public int available() {
    return buffer.remaining();
  }

  /** Reads more into the empty buffer; {@code false} at the end of the stream. */
  private boolean fill() throws IOException {
    buffer.clear();
    try {
      while (true) {
        int n = channel.read(buffer);
        if (n > 0) {
          return true;
        }
        if (n < 0) {
          return false;
        }
        await(SelectionKey.OP_READ, readTimeoutNanos, "timeout: nothing received within the read timeout of "
            + TimeUnit.NANOSECONDS.toMillis(readTimeoutNanos) + " ms");
      }
    } finally {
      buffer.flip();
    }
  }

  /**
   * Waits until the channel is ready for {@code op}, at most {@code nanos} and until the deadline.
   *
   * @throws SocketTimeoutException with {@code message} when {@code nanos} runs out first
   */
  private void await(int op, long nanos, String message) throws IOException {
    long now = System.nanoTime();
    long toDeadline = deadline == Long.MAX_VALUE ? Long.MAX_VALUE : deadline - now;
    if (toDeadline <= 0) {
      throw new SocketTimeoutException(deadlineMessage);
    }
    long wait = Math.min(nanos, toDeadline);
    if (selector == null) {
      // Opened only when a wait is needed: an answer already there is read without one.
      selector = Selector.open();
      channel.register(selector, op);
    } else {
      channel.keyFor(selector).interestOps(op);
    }
    // select(0) waits for ever; round up so that a wait never ends a little early.
    long millis = wait == Long.MAX_VALUE ? 0 : Math.max(1, TimeUnit.NANOSECONDS.toMillis(wait + 999_999));
    if (selector.select(millis) == 0 && System.nanoTime() - now >= wait) {
      throw new SocketTimeoutException(nanos <= toDeadline ? message : deadlineMessage);
    }
    selector.selectedKeys().clear();
  }

  @Override
  public void close() throws IOException {
    try {
      if (selector != null) {
        selector.close();
      }
    } finally {
      channel.close();
    }
  }
}
