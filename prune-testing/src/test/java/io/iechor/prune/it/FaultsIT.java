package io.iechor.prune.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.iechor.prune.EngineConnectionException;
import io.iechor.prune.EngineNotFoundException;
import io.iechor.prune.PruneClient;
import io.iechor.prune.PruneException;
import io.iechor.prune.PruneInProgressException;
import io.iechor.prune.Pruner;
import io.iechor.prune.report.ContainerPruneReport;
import io.iechor.prune.report.NetworkPruneReport;
import io.iechor.prune.testing.Fixtures;
import io.iechor.prune.testing.TestEngine;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Faults on real engines: each ends in a typed exception or a correct report, never a hang, and
 * nothing is claimed that did not happen.
 */
class FaultsIT {

  @Test
  void aMissingSocketIsReportedWithItsPath() {
    try (PruneClient client = Pruner.connect("unix:///nonexistent/iechor-it.sock")) {
      assertThatThrownBy(client::engine)
          .isInstanceOfSatisfying(EngineNotFoundException.class, e -> {
            assertThat(e.attempts()).singleElement().satisfies(a -> {
              assertThat(a.endpoint()).isEqualTo("unix:///nonexistent/iechor-it.sock");
              assertThat(a.failure()).contains("no such socket");
            });
            assertThat(e.getMessage()).contains("/nonexistent/iechor-it.sock").contains("Check that the engine runs");
          });
    }
  }

  @Test
  void aRefusedTcpPortIsReportedAsRefused() throws IOException {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    try (PruneClient client = Pruner.connect("tcp://127.0.0.1:" + port)) {
      assertThatThrownBy(() -> client.containers().run())
          .isInstanceOfSatisfying(EngineNotFoundException.class,
              e -> assertThat(e.attempts().get(0).failure()).contains("connection refused"));
    }
  }

  @Test
  void somethingThatAcceptsButNeverAnswersIsGivenUpOnAfterTheConnectTimeout() throws Exception {
    try (ServerSocket silent = new ServerSocket(0, 5, java.net.InetAddress.getLoopbackAddress())) {
      List<java.net.Socket> held = new ArrayList<>();
      Thread acceptor = new Thread(() -> {
        try {
          while (true) {
            held.add(silent.accept());
          }
        } catch (IOException e) {
          // closed
        }
      });
      acceptor.setDaemon(true);
      acceptor.start();
      // The read timeout is meant for long prunes; the ping must not wait that long.
      try (PruneClient client = Pruner.builder().endpoint("tcp://127.0.0.1:" + silent.getLocalPort())
          .connectTimeout(Duration.ofSeconds(2)).readTimeout(Duration.ofMinutes(10)).build()) {
        org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(Duration.ofSeconds(60), () ->
            assertThatThrownBy(client::engine)
                .isInstanceOfSatisfying(EngineNotFoundException.class,
                    e -> assertThat(e.attempts().get(0).failure()).contains("no answer in time")));
      }
    }
  }

  @Test
  void anUnknownSchemeNamesTheScheme() {
    try (PruneClient client = Pruner.connect("ftp://127.0.0.1:21")) {
      assertThatThrownBy(client::engine).isInstanceOf(PruneException.class).hasMessageContaining("'ftp'");
    }
  }

  @Test
  void anEngineThatStoppedGivesAConnectionErrorThenNotFound() {
    TestEngine engine = TestEngine.startDocker();
    String endpoint = engine.unixEndpoint();
    try (PruneClient client = Pruner.connect(endpoint)) {
      assertThat(client.engine().endpoint()).isEqualTo(endpoint);
      engine.close();

      assertThatThrownBy(() -> client.containers().run())
          .isInstanceOf(EngineConnectionException.class)
          .hasMessageContaining(endpoint);
    }
    try (PruneClient fresh = Pruner.connect(endpoint)) {
      assertThatThrownBy(fresh::engine).isInstanceOf(EngineNotFoundException.class).hasMessageContaining(endpoint);
    }
  }

  @Test
  void aPausedEngineRunsIntoTheReadTimeoutAndWorksAgainAfterwards() throws Exception {
    TestEngine engine = TestEngine.shared();
    long pid = daemonPid(engine);
    try (PruneClient client = Pruner.builder().endpoint(engine.unixEndpoint())
        .readTimeout(Duration.ofSeconds(1)).build()) {
      client.engine();
      signal("STOP", pid);
      try {
        assertThatThrownBy(() -> client.networks().withLabel("iechor-it-nothing", UUID.randomUUID().toString()).run())
            .isInstanceOf(EngineConnectionException.class)
            .hasMessageContaining("read timeout");
      } finally {
        signal("CONT", pid);
      }
      NetworkPruneReport after = client.networks().withLabel("iechor-it-nothing", "x").run();
      assertThat(after.deletedNetworks()).isEmpty();
    }
  }

  @Test
  void concurrentPrunesConflictAndTheOptInRetryWaitsItOut() throws Exception {
    TestEngine engine = TestEngine.shared();
    Fixtures fx = engine.fixtures();
    String scope = UUID.randomUUID().toString();
    Set<String> created = createContainers(fx, "iechor-it-conflict=" + scope, 150);

    ExecutorService pool = Executors.newSingleThreadExecutor();
    try (PruneClient a = Pruner.connect(engine.unixEndpoint());
        PruneClient b = Pruner.connect(engine.unixEndpoint());
        PruneClient patient = Pruner.builder().endpoint(engine.unixEndpoint())
            .retryOnConflict(Duration.ofMinutes(2)).build()) {
      b.engine();
      patient.engine();
      Future<ContainerPruneReport> first = pool.submit(() -> a.containers().withLabel("iechor-it-conflict", scope).run());
      // Container and network prunes share the engine's lock. A network prune scoped to nothing
      // removes nothing, so it can be tried as often as needed while the container prune runs.
      int conflicts = 0;
      while (!first.isDone()) {
        try {
          b.networks().withLabel("iechor-it-conflict", "none-" + scope).run();
        } catch (PruneInProgressException e) {
          assertThat(e.status()).isEqualTo(409);
          conflicts++;
          NetworkPruneReport waited = patient.networks().withLabel("iechor-it-conflict", "none-" + scope).run();
          assertThat(waited.deletedNetworks()).isEmpty();
          break;
        }
      }
      assertThat(first.get(2, TimeUnit.MINUTES).deletedContainers()).containsExactlyInAnyOrderElementsOf(created);
      assertThat(conflicts).as("a second prune while the first ran was refused with 409").isEqualTo(1);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void anEngineKilledDuringAPruneGivesAConnectionErrorAndClaimsNothing() throws Exception {
    TestEngine engine = TestEngine.startDocker();
    Process restarted = null;
    try {
      Fixtures fx = engine.fixtures();
      String scope = UUID.randomUUID().toString();
      Set<String> created = createContainers(fx, "iechor-it-kill=" + scope, 300);
      long pid = daemonPid(engine);
      List<String> commandLine = commandLine(pid);

      ExecutorService pool = Executors.newSingleThreadExecutor();
      try (PruneClient client = Pruner.connect(engine.unixEndpoint())) {
        client.engine();
        Future<ContainerPruneReport> prune = pool.submit(() -> client.containers().run());
        Thread.sleep(700);
        signal("KILL", pid);
        assertThatThrownBy(() -> prune.get(2, TimeUnit.MINUTES))
            .hasCauseInstanceOf(EngineConnectionException.class)
            .hasMessageContaining("may have removed some objects");
      } finally {
        pool.shutdownNow();
      }

      // Start the engine again on the same data to see what is left. The killed engine's
      // containerd may linger (as a zombie where nothing reaps orphans), and a restart on the same
      // exec root would wait for it: the new engine gets its own exec root and pidfile.
      killChildren(engine.directory().orElseThrow());
      restarted = new ProcessBuilder(freshRuntimeState(commandLine)).redirectErrorStream(true)
          .redirectOutput(engine.directory().orElseThrow().resolve("restarted.log").toFile()).start();
      Path restartLog = engine.directory().orElseThrow().resolve("restarted.log");
      try (PruneClient client = Pruner.builder().endpoint(engine.unixEndpoint()).build()) {
        try {
          waitForEngine(client);
        } catch (EngineNotFoundException e) {
          throw new AssertionError("the engine did not come back; its log:\n" + Files.readString(restartLog), e);
        }
        Set<String> left = engine.fixtures().containerIds("label=iechor-it-kill=" + scope);
        assertThat(created).containsAll(left);
        System.out.println("FaultsIT: killed during a prune of " + created.size() + " containers; "
            + (created.size() - left.size()) + " were removed before the kill, " + left.size() + " are left");
        ContainerPruneReport rest = client.containers().withLabel("iechor-it-kill", scope).run();
        assertThat(rest.deletedContainers()).containsExactlyInAnyOrderElementsOf(left);
      }
    } finally {
      if (restarted != null) {
        restarted.destroy();
        restarted.waitFor(30, TimeUnit.SECONDS);
      }
      engine.close();
    }
  }

  // ------------------------------------------------------------------ helpers

  private static Set<String> createContainers(Fixtures fx, String label, int count) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<String>> ids = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        ids.add(pool.submit(() -> fx.container(fx.name("bulk")).withLabels(label).created()));
      }
      Set<String> out = new java.util.HashSet<>();
      for (Future<String> f : ids) {
        out.add(f.get(5, TimeUnit.MINUTES));
      }
      return out;
    } finally {
      pool.shutdownNow();
    }
  }

  private static long daemonPid(TestEngine engine) throws IOException {
    Path dir = engine.directory().orElseThrow(() -> new IllegalStateException("not a private engine"));
    return Long.parseLong(Files.readString(dir.resolve("docker.pid")).trim());
  }

  private static List<String> commandLine(long pid) throws IOException {
    byte[] raw = Files.readAllBytes(Path.of("/proc/" + pid + "/cmdline"));
    List<String> args = new ArrayList<>();
    int start = 0;
    for (int i = 0; i < raw.length; i++) {
      if (raw[i] == 0) {
        args.add(new String(raw, start, i - start, java.nio.charset.StandardCharsets.UTF_8));
        start = i + 1;
      }
    }
    return args;
  }

  private static List<String> freshRuntimeState(List<String> commandLine) {
    List<String> out = new ArrayList<>(commandLine);
    for (int i = 0; i < out.size() - 1; i++) {
      if (out.get(i).equals("--exec-root")) {
        out.set(i + 1, out.get(i + 1) + "-again");
      } else if (out.get(i).equals("--pidfile")) {
        out.set(i + 1, out.get(i + 1) + ".again");
      }
    }
    return out;
  }

  /**
   * The engine's own containerd outlives a SIGKILL (re-parented to init or a subreaper); it must go
   * before the engine starts again. It is found by the engine's directory in its command line.
   */
  private static void killChildren(Path engineDirectory) {
    String dir = engineDirectory.toString();
    ProcessHandle.allProcesses()
        .filter(p -> p.info().commandLine().map(c -> c.contains("containerd") && c.contains(dir)).orElse(false))
        .forEach(p -> {
          p.destroyForcibly();
          p.onExit().join();
        });
  }

  private static void signal(String name, long pid) throws Exception {
    Process p = new ProcessBuilder("kill", "-" + name, Long.toString(pid)).inheritIO().start();
    assertThat(p.waitFor(10, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as("kill -%s %s", name, pid).isZero();
  }

  private static void waitForEngine(PruneClient client) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (true) {
      try {
        client.engine();
        return;
      } catch (EngineNotFoundException e) {
        if (System.nanoTime() > deadline) {
          throw e;
        }
        Thread.sleep(200);
      }
    }
  }
}
