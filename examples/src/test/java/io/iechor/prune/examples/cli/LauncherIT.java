package io.iechor.prune.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.iechor.prune.examples.EngineState;
import io.iechor.prune.examples.Garbage;
import io.iechor.prune.examples.PrivateEngine;
import io.iechor.prune.testing.Fixtures;
import io.iechor.prune.testing.TestEngine;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code examples/bin/iechor} as a real process, the way a user runs it: the guide's words with
 * the engine chosen by {@code IECHOR_HOST}, {@code DOCKER_HOST} or {@code -H}; stdin from
 * {@code /dev/null} for "no terminal, no input"; exit statuses; and the hint when the jar is not built.
 */
class LauncherIT {
  static final Path EXAMPLES = Path.of(System.getProperty("examples.basedir", ".")).toAbsolutePath();
  static final Path LAUNCHER = EXAMPLES.resolve("bin/iechor");
  /** Variables that would point the launcher at another engine than the one a test names. */
  static final List<String> ENDPOINT_VARIABLES = List.of("IECHOR_HOST", "DOCKER_HOST", "DOCKER_CONTEXT",
      "DOCKER_TLS_VERIFY", "IECHOR_TLS_VERIFY", "DOCKER_CERT_PATH", "IECHOR_CERT_PATH", "XDG_RUNTIME_DIR");

  static TestEngine engine;
  Fixtures fx;
  Garbage g;
  @TempDir
  Path home;

  @BeforeAll
  static void startEngine() {
    // Fail early with a clear message rather than with "No such file" in every test.
    assertThat(LAUNCHER).isExecutable();
    engine = PrivateEngine.get();
  }

  @BeforeEach
  void makeGarbage() {
    g = Garbage.create(engine);
    fx = engine.fixtures();
  }

  record Result(int status, String out, String err) {
  }

  /**
   * Runs {@code launcher args} with {@code env} on top of a cleaned environment; {@code input}
   * {@code null} means stdin is {@code /dev/null}.
   */
  Result run(Path launcher, Map<String, String> env, String input, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of(launcher.toString()));
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command);
    ENDPOINT_VARIABLES.forEach(pb.environment()::remove);
    // An empty config directory: no ~/.docker context may choose the engine.
    pb.environment().put("DOCKER_CONFIG", home.toString());
    pb.environment().putAll(env);
    if (input == null) {
      pb.redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
    }
    Process p = pb.start();
    // Drain both streams while the launcher runs, so that neither pipe can fill up and block it.
    CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> read(p.getInputStream()));
    CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(p.getErrorStream()));
    if (input != null) {
      try (OutputStream stdin = p.getOutputStream()) {
        stdin.write(input.getBytes(Charset.defaultCharset()));
      }
    }
    assertThat(p.waitFor(2, TimeUnit.MINUTES)).as("finished within 2 minutes").isTrue();
    return new Result(p.exitValue(), out.get(), err.get());
  }

  private static String read(InputStream stream) {
    try (stream) {
      return new String(stream.readAllBytes(), Charset.defaultCharset());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void guideCommandWithIechorHost() throws Exception {
    Result r = run(LAUNCHER, Map.of("IECHOR_HOST", engine.unixEndpoint()), "y\n", "container", "prune");

    assertThat(r.status()).isZero();
    assertThat(r.err()).isEmpty();
    Printed out = Printed.read(r.out(), Prompts.containers() + " [y/N] ");
    assertThat(out.section("Deleted Containers:")).containsExactlyInAnyOrder(g.exited, g.created, g.keptContainer);
    assertThat(fx.containerIds()).containsExactly(g.running);
  }

  @Test
  void noTerminalAndNoInputRemovesNothing() throws Exception {
    EngineState before = EngineState.of(fx);

    Result r = run(LAUNCHER, Map.of("IECHOR_HOST", engine.unixEndpoint()), null, "system", "prune", "--volumes");

    assertThat(r.status()).isZero();
    assertThat(r.err()).isEmpty();
    assertThat(r.out()).startsWith("WARNING! This will remove:\n")
        .endsWith("Are you sure you want to continue? [y/N] \n");
    assertThat(EngineState.of(fx)).isEqualTo(before);
  }

  @Test
  void dockerHostIsUsedWhenIechorHostIsNotSet() throws Exception {
    Result r = run(LAUNCHER, Map.of("DOCKER_HOST", engine.unixEndpoint()), null, "image", "prune", "-a", "-f");

    assertThat(r.status()).isZero();
    assertThat(r.out()).startsWith("Deleted Images:\n").contains("untagged: " + Garbage.TOOL);
    assertThat(fx.imageTags()).containsExactly(Garbage.APP);
  }

  @Test
  void iechorHostWinsOverDockerHost() throws Exception {
    Result r = run(LAUNCHER, Map.of("IECHOR_HOST", engine.unixEndpoint(), "DOCKER_HOST", "tcp://127.0.0.1:1"),
        null, "network", "prune", "-f");

    assertThat(r.status()).isZero();
    assertThat(r.out()).startsWith("Deleted Networks:\n");
  }

  @Test
  void hostOptionBeforeTheCommand() throws Exception {
    Result r = run(LAUNCHER, Map.of("DOCKER_HOST", "tcp://127.0.0.1:1"), null,
        "-H", engine.unixEndpoint(), "volume", "prune", "--force", "--filter", "label!=keep");

    assertThat(r.status()).isZero();
    assertThat(fx.volumeNames()).contains(Garbage.KEPT_VOLUME);
  }

  @Test
  void anUnreachableEngineFromTheEnvironmentIsNamed() throws Exception {
    EngineState before = EngineState.of(fx);

    Result r = run(LAUNCHER, Map.of("IECHOR_HOST", "unix:///nonexistent/iechor.sock"), "y\n", "system", "prune");

    assertThat(r.status()).isEqualTo(ExitCodes.FAILED);
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).isEqualTo("Error: cannot reach an engine at unix:///nonexistent/iechor.sock (from IECHOR_HOST:"
        + " no such socket): start the engine, or point -H or IECHOR_HOST at a running one\n");
    assertThat(EngineState.of(fx)).isEqualTo(before);
  }

  @Test
  void exitStatusesOfBadCommandLinesAndFilters() throws Exception {
    Map<String, String> env = Map.of("IECHOR_HOST", engine.unixEndpoint());

    assertThat(run(LAUNCHER, env, null, "image", "prune", "--frob").status()).isEqualTo(ExitCodes.USAGE);
    assertThat(run(LAUNCHER, env, null, "image", "prune", "-f", "--filter", "foo=bar").status())
        .isEqualTo(ExitCodes.FAILED);
    assertThat(run(LAUNCHER, env, null, "--help").status()).isZero();
  }

  @Test
  void aLinkToTheLauncherFindsTheJar(@TempDir Path bin) throws Exception {
    Path link = Files.createSymbolicLink(bin.resolve("iechor"), LAUNCHER);

    Result r = run(link, Map.of(), null, "system", "prune", "--help");

    assertThat(r.status()).isZero();
    assertThat(r.out()).startsWith("Usage: iechor system prune");
  }

  @Test
  void aMissingJarSaysWhatToBuild(@TempDir Path checkout) throws Exception {
    Path copy = checkout.resolve("examples/bin/iechor");
    Files.createDirectories(copy.getParent());
    Files.copy(LAUNCHER, copy);

    Result r = run(copy, Map.of(), null, "image", "prune");

    assertThat(r.status()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).isEqualTo("Error: the iechor jar is not built yet: run (cd " + checkout.toRealPath()
        + " && mvn -DskipTests package), then try again.\n");
  }

}
