package io.iechor.prune.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.iechor.prune.examples.EngineState;
import io.iechor.prune.examples.Garbage;
import io.iechor.prune.examples.PrivateEngine;
import io.iechor.prune.testing.Fixtures;
import io.iechor.prune.testing.TestEngine;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every error of the issue against a real engine full of {@link Garbage}, with {@code y} typed
 * and again with {@code -f}: a non-zero status, exactly one line on stderr that starts with what
 * is wrong, no prompt, and nothing removed.
 */
class ErrorCasesIT {
  static TestEngine engine;
  static Fixtures fx;
  static EngineState before;

  @BeforeAll
  static void makeGarbage() {
    engine = PrivateEngine.get();
    Garbage.create(engine);
    fx = engine.fixtures();
    before = EngineState.of(fx);
  }

  @AfterEach
  void nothingWasRemoved() {
    assertThat(EngineState.of(fx)).isEqualTo(before);
  }

  static CliRun iechor(String host, String answer, String commandLine) {
    return CliRun.on(host == null ? engine.unixEndpoint() : host, answer, CliRun.words(commandLine));
  }

  static Stream<Arguments> badFilters() {
    return Stream.of(
        // unknown filters
        arguments("iechor image prune --filter \"foo=bar\"",
            "Error: Unknown filter 'foo' for image prune; supported filters: until, label, label!"),
        arguments("iechor system prune --filter \"dangling=false\"", "Error: Use -a/--all"),
        // filters the kind does not support
        arguments("iechor volume prune --filter \"until=24h\"",
            "Error: volume prune does not support the until filter"),
        arguments("iechor network prune --filter \"dangling=true\"",
            "Error: Unknown filter 'dangling' for network prune; supported filters: until, label, label!"),
        arguments("iechor builder prune --filter \"label=keep\"", "Error: builder prune cannot filter by label"),
        // bad until values
        arguments("iechor container prune --filter \"until=7d\"",
            "Error: until=7d is not a duration, a time or a Unix timestamp."),
        arguments("iechor image prune -a --filter \"until=yesterday\"", "Error: until=yesterday is not a duration"),
        arguments("iechor network prune --filter \"until=2026-02-30\"",
            "Error: until=2026-02-30 is not a valid date"),
        arguments("iechor container prune --filter \"until=1h\" --filter \"until=2h\"",
            "Error: Only one until filter can be given"),
        // a filter without a value
        arguments("iechor image prune --filter \"until\"", "Error: Bad filter 'until': expected name=value"),
        // until with --volumes
        arguments("iechor system prune --volumes --filter \"until=24h\"",
            "Error: the \"until\" filter is not supported with \"--volumes\""));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badFilters")
  void badFiltersFailBeforeThePrompt(String command, String errorStart) {
    for (String variant : List.of(command, command + " -f")) {
      CliRun run = iechor(null, "y\n", variant);

      assertThat(run.status()).as(variant).isEqualTo(ExitCodes.FAILED);
      assertThat(run.errLines()).as(variant).singleElement().asString().startsWith(errorStart);
      assertThat(run.out()).as(variant).isEmpty();
    }
  }

  static Stream<Arguments> unreachable() {
    return Stream.of(
        arguments("unix:///nonexistent/docker.sock", "Error: cannot reach an engine at unix:///nonexistent/docker.sock"
            + " (given with -H: no such socket): start the engine, or point -H or IECHOR_HOST at a running one"),
        arguments("tcp://127.0.0.1:1",
            "Error: cannot reach an engine at tcp://127.0.0.1:1 (given with -H: connection refused"),
        arguments("docker.sock", "Error: cannot reach an engine at docker.sock (given with -H: Cannot connect to"
            + " 'docker.sock': the address needs a scheme, e.g. unix:///var/run/docker.sock"));
  }

  @ParameterizedTest(name = "-H {0}")
  @MethodSource("unreachable")
  void anUnreachableEngineIsNamed(String host, String errorStart) {
    for (String variant : List.of("iechor system prune", "iechor system prune -f", "iechor network prune")) {
      CliRun run = iechor(host, "y\n", variant);

      assertThat(run.status()).as(variant).isEqualTo(ExitCodes.FAILED);
      assertThat(run.errLines()).as(variant).singleElement().asString().startsWith(errorStart);
      assertThat(run.out()).as(variant).isEmpty();
    }
  }
}
