package io.iechor.prune.transport.unix;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * An HTTP server on a Unix socket in this JVM that answers every connection with a script: it
 * records the request's head (up to the empty line) and lets the script write what it likes.
 */
final class FakeEngine implements AutoCloseable {

  /** What to do once a request's head has been read. */
  interface Script {
    void answer(SocketChannel client) throws Exception;
  }

  private final Path socket;
  private final ServerSocketChannel server;
  private final BlockingQueue<String> requests = new LinkedBlockingQueue<>();
  private final List<SocketChannel> held = new ArrayList<>();
  private final Thread thread;

  FakeEngine(Path dir, Script script) throws IOException {
    this.socket = dir.resolve("engine.sock");
    this.server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
    server.bind(UnixDomainSocketAddress.of(socket));
    thread = new Thread(() -> serve(script), "fake-engine");
    thread.setDaemon(true);
    thread.start();
  }

  /** Writes {@code answer} and closes the connection. */
  static Script replying(String answer) {
    return client -> {
      write(client, answer);
      client.close();
    };
  }

  /** Writes {@code answer} and keeps the connection open until the engine is closed. */
  static Script replyingAndHolding(String answer) {
    return client -> write(client, answer);
  }

  static void write(SocketChannel client, String text) throws IOException {
    ByteBuffer b = ByteBuffer.wrap(text.getBytes(StandardCharsets.ISO_8859_1));
    while (b.hasRemaining()) {
      client.write(b);
    }
  }

  private void serve(Script script) {
    while (true) {
      SocketChannel client;
      try {
        client = server.accept();
      } catch (IOException e) {
        return; // closed
      }
      synchronized (held) {
        held.add(client);
      }
      try {
        requests.add(readHead(client));
        script.answer(client);
      } catch (Exception e) {
        // the client went away: the test sees what it saw
      }
    }
  }

  private static String readHead(SocketChannel client) throws IOException {
    StringBuilder head = new StringBuilder();
    ByteBuffer one = ByteBuffer.allocate(1);
    while (head.indexOf("\r\n\r\n") < 0) {
      one.clear();
      if (client.read(one) < 0) {
        break;
      }
      head.append((char) (one.get(0) & 0xff));
    }
    return head.toString();
  }

  /** The next request's head, bytes as ISO-8859-1 characters. */
  String takeRequest() throws InterruptedException {
    String r = requests.poll(10, TimeUnit.SECONDS);
    if (r == null) {
      throw new AssertionError("no request arrived");
    }
    return r;
  }

  Path socket() {
    return socket;
  }

  @Override
  public void close() throws IOException {
    server.close();
    synchronized (held) {
      for (SocketChannel c : held) {
        c.close();
      }
    }
  }
}
