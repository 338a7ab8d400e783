package io.iechor.prune.it;

import io.iechor.prune.testing.TestEngine;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** The engines of the matrix besides the shared Docker 20.10: Docker 26.1 and Podman, one each per JVM. */
final class Engines {
  private static TestEngine docker26;

  private Engines() {
  }

  /**
   * A private dockerd of the next Debian release (26.1, API 1.45). Its binary comes from
   * {@code IECHOR_TEST_DOCKERD_NEXT}, or is fetched by {@code scripts/fetch-next-dockerd.sh}.
   */
  static synchronized TestEngine docker26() {
    if (docker26 == null) {
      TestEngine e = TestEngine.startDocker(TestEngine.Options.defaults().withDockerd(nextDockerd()));
      Runtime.getRuntime().addShutdownHook(new Thread(e::close));
      docker26 = e;
    }
    return docker26;
  }

  static TestEngine podman() {
    return TestEngine.sharedPodman();
  }

  private static String nextDockerd() {
    String given = System.getenv("IECHOR_TEST_DOCKERD_NEXT");
    if (given != null && !given.isBlank()) {
      return given;
    }
    Path script = repositoryRoot().resolve("scripts/fetch-next-dockerd.sh");
    try {
      Process p = new ProcessBuilder("bash", script.toString()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
      if (!p.waitFor(5, TimeUnit.MINUTES) || p.exitValue() != 0 || out.isEmpty()) {
        throw new IllegalStateException("Could not fetch the next release's dockerd with " + script
            + "; set IECHOR_TEST_DOCKERD_NEXT to a dockerd 26.x binary");
      }
      String[] lines = out.split("\n");
      return lines[lines.length - 1];
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static Path repositoryRoot() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null && !Files.isRegularFile(dir.resolve("scripts/fetch-next-dockerd.sh"))) {
      dir = dir.getParent();
    }
    if (dir == null) {
      throw new IllegalStateException("Cannot find scripts/fetch-next-dockerd.sh above " + Path.of("").toAbsolutePath());
    }
    return dir;
  }
}
