package io.iechor.prune.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A socket the user may not open: the error says "permission denied" and what to do. The tests run
 * as root, who may open any socket, so the client runs in a JVM of its own as {@code nobody}.
 */
class SocketPermissionIT {
  @TempDir
  Path dir;

  @Test
  void aSocketWithoutPermissionIsReportedAsSuch() throws Exception {
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
    Path socket = dir.resolve("engine.sock");
    try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
      server.bind(UnixDomainSocketAddress.of(socket));
      // Only root may open the engine's socket.
      String out = runAsNobody("unix://" + socket, true, "rw-------");

      assertThat(out).contains("EngineNotFoundException").contains(socket.toString()).contains("permission denied");
    }
  }

  /**
   * The transport is the JDK's own Unix channel: nothing is unpacked into {@code java.io.tmpdir},
   * so a read-only one (as on hardened hosts, or noexec) does not matter.
   */
  @Test
  void aClientWithAReadOnlyTempDirectoryConnects() throws Exception {
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
    Path socket = dir.resolve("engine.sock");
    try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
      server.bind(UnixDomainSocketAddress.of(socket));
      Thread engine = new Thread(() -> answerPings(server), "ping-answerer");
      engine.setDaemon(true);
      engine.start();

      String out = runAsNobody("unix://" + socket, false, "rw-rw-rw-");

      assertThat(out).startsWith("connected: ").contains("unix://" + socket).contains("1.41");
    }
  }

  /** Answers every request as an engine answers its ping, until the server is closed. */
  private static void answerPings(ServerSocketChannel server) {
    byte[] answer = ("HTTP/1.1 200 OK\r\nApi-Version: 1.41\r\nServer: ping-answerer\r\nContent-Length: 2\r\n"
        + "Connection: close\r\n\r\nOK").getBytes(StandardCharsets.US_ASCII);
    while (true) {
      try (SocketChannel client = server.accept()) {
        ByteBuffer head = ByteBuffer.allocate(8192);
        while (!new String(head.array(), 0, head.position(), StandardCharsets.US_ASCII).contains("\r\n\r\n")
            && client.read(head) > 0) {
          // the request's head: read it all before answering
        }
        client.write(ByteBuffer.wrap(answer));
      } catch (IOException e) {
        return; // closed
      }
    }
  }

  /** Runs {@link ConnectProbe} as the user nobody, with a copy of this JVM's class path it can read. */
  private String runAsNobody(String endpoint, boolean writableTemp, String socketPermissions) throws Exception {
    Path cp = Files.createDirectories(dir.resolve("cp"));
    List<String> entries = new ArrayList<>();
    int n = 0;
    for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
      Path from = Path.of(entry);
      if (!Files.exists(from)) {
        continue;
      }
      Path to = cp.resolve((n++) + "-" + from.getFileName());
      copy(from, to);
      entries.add(to.toString());
    }
    try (Stream<Path> all = Files.walk(cp)) {
      for (Path p : (Iterable<Path>) all::iterator) {
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(Files.isDirectory(p) ? "rwxr-xr-x" : "rw-r--r--"));
      }
    }
    Files.setPosixFilePermissions(dir.resolve("engine.sock"), PosixFilePermissions.fromString(socketPermissions));
    Path tmp = Files.createDirectories(dir.resolve("tmp"));
    Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString(writableTemp ? "rwxrwxrwx" : "r-xr-xr-x"));
    String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process p = new ProcessBuilder("setpriv", "--reuid=65534", "--regid=65534", "--clear-groups",
        javaBin, "-Djava.io.tmpdir=" + tmp, "-cp", String.join(java.io.File.pathSeparator, entries),
        ConnectProbe.class.getName(), endpoint)
        .redirectError(dir.resolve("probe-stderr.txt").toFile()).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    System.out.println("SocketPermissionIT: " + out.trim());
    return out;
  }

  private static void copy(Path from, Path to) throws IOException {
    if (!Files.isDirectory(from)) {
      Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
      return;
    }
    try (Stream<Path> all = Files.walk(from)) {
      for (Path p : (Iterable<Path>) all::iterator) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
  }
}
