package io.iechor.prune.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Answers far larger than the client's heap: a 400 MB field the client does not know on a success,
 * and a 400 MB error page. A client JVM with a 48 MB heap reads both: memory stays bounded.
 */
class LargeResponseIT {
  private static final long JUNK = 400L * 1024 * 1024;

  @Test
  void aHugeUnknownFieldIsSkippedWithoutHoldingIt() throws Exception {
    String out = probe(200, "{\"ContainersDeleted\":[\"abc\"],\"Junk\":\"", "\",\"SpaceReclaimed\":7}");
    assertThat(out).contains("report: [abc] 7");
  }

  @Test
  void aHugeErrorPageGivesAShortMessage() throws Exception {
    String out = probe(500, "", "");
    assertThat(out).contains("EngineApiException").contains("status 500");
    int length = Integer.parseInt(out.replaceAll("(?s).*EngineApiException \\((\\d+) chars\\).*", "$1"));
    assertThat(length).isLessThan(2000);
  }

  /** Serves one ping and one prune answer whose body is {@code head + JUNK bytes of 'x' + tail}. */
  private static String probe(int status, String head, String tail) throws Exception {
    try (ServerSocket server = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
      Thread t = new Thread(() -> serve(server, status, head, tail));
      t.setDaemon(true);
      t.start();
      String javaBin = java.nio.file.Path.of(System.getProperty("java.home"), "bin", "java").toString();
      Process p = new ProcessBuilder(javaBin, "-Xmx48m", "-cp", System.getProperty("java.class.path"),
          LargeResponseProbe.class.getName(), "tcp://127.0.0.1:" + server.getLocalPort())
          .redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(p.waitFor(5, TimeUnit.MINUTES)).isTrue();
      System.out.println("LargeResponseIT: " + out.trim());
      assertThat(out).contains("max heap").doesNotContain("OutOfMemoryError");
      return out;
    }
  }

  private static void serve(ServerSocket server, int status, String head, String tail) {
    try {
      while (true) {
        try (Socket s = server.accept()) {
          String request = readRequest(s.getInputStream());
          OutputStream out = s.getOutputStream();
          if (request.startsWith("HEAD /_ping")) {
            out.write(("HTTP/1.1 200 OK\r\nApi-Version: 1.41\r\nServer: Docker/20.10.24 (linux)\r\n"
                + "Content-Length: 0\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            continue;
          }
          out.write(("HTTP/1.1 " + status + " X\r\nContent-Type: " + (head.isEmpty() ? "text/plain" : "application/json")
              + "\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
          chunk(out, head.getBytes(StandardCharsets.UTF_8));
          byte[] block = new byte[1 << 20];
          Arrays.fill(block, (byte) 'x');
          for (long sent = 0; sent < JUNK; sent += block.length) {
            chunk(out, block);
          }
          chunk(out, tail.getBytes(StandardCharsets.UTF_8));
          out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
          out.flush();
        } catch (IOException e) {
          // the client may stop reading an error body early: that is the point
        }
      }
    } catch (RuntimeException e) {
      // server closed
    }
  }

  private static void chunk(OutputStream out, byte[] data) throws IOException {
    if (data.length == 0) {
      return;
    }
    out.write((Integer.toHexString(data.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
    out.write(data);
    out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
  }

  private static String readRequest(InputStream in) throws IOException {
    StringBuilder b = new StringBuilder();
    int c;
    while ((c = in.read()) != -1) {
      b.append((char) c);
      if (b.length() >= 4 && b.substring(b.length() - 4).equals("\r\n\r\n")) {
        break;
      }
    }
    return b.toString();
  }
}
