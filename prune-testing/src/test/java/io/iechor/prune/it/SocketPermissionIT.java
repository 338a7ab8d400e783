package io.iechor.prune.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
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
      String out = runAsNobody("unix://" + socket, true);

      assertThat(out).contains("EngineNotFoundException").contains(socket.toString()).contains("permission denied");
    }
  }

  @Test
  void aTempDirectoryWhereJunixsocketCannotUnpackIsReportedClearly() throws Exception {
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
    Path socket = dir.resolve("engine.sock");
    try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
      server.bind(UnixDomainSocketAddress.of(socket));

      String out = runAsNobody("unix://" + socket, false);

      assertThat(out).startsWith("PruneException").contains("java.io.tmpdir").contains("native library");
    }
  }

  /** Runs {@link ConnectProbe} as the user nobody, with a copy of this JVM's class path it can read. */
  private String runAsNobody(String endpoint, boolean writableTemp) throws Exception {
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
    // Only root may open the engine's socket.
    Files.setPosixFilePermissions(dir.resolve("engine.sock"), PosixFilePermissions.fromString("rw-------"));
    Path tmp = Files.createDirectories(dir.resolve("tmp"));
    Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString(writableTemp ? "rwxrwxrwx" : "r-xr-xr-x"));
    String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process p = new ProcessBuilder("setpriv", "--reuid=65534", "--regid=65534", "--clear-groups",
        javaBin, "-Djava.io.tmpdir=" + tmp, "-cp", String.join(java.io.File.pathSeparator, entries),
        ConnectProbe.class.getName(), endpoint)
        // junixsocket prints its own stack trace on stderr when its library does not load.
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
