package io.iechor.prune.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.iechor.prune.examples.EngineState;
import io.iechor.prune.examples.Garbage;
import io.iechor.prune.examples.PrivateEngine;
import io.iechor.prune.testing.Fixtures;
import io.iechor.prune.testing.TestEngine;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every guide command, answered with anything but {@code y}: no input at all (as with no terminal
 * and nothing piped in), {@code n}, {@code N}, an empty line, {@code yes}. Each exits 0, shows
 * the prompt and nothing else, and leaves the engine exactly as it was. One {@link Garbage} set
 * serves them all, since none may change it.
 */
class PromptAnswersIT {
  static final List<String> GUIDE = List.of(
      "iechor image prune",
      "iechor image prune -a",
      "iechor image prune -a --filter \"until=24h\"",
      "iechor container prune",
      "iechor container prune --filter \"until=24h\"",
      "iechor volume prune",
      "iechor volume prune --filter \"label!=keep\"",
      "iechor network prune",
      "iechor network prune --filter \"until=24h\"",
      "iechor system prune",
      "iechor system prune --volumes",
      "iechor system prune --filter \"until=24h\"");

  static TestEngine engine;
  static Fixtures fx;
  static EngineState before;

  @BeforeAll
  static void makeGarbage() {
    engine = PrivateEngine.get();
    Garbage.create(engine);
    fx = engine.fixtures();
    fx.buildWithCache("demo/built:1");
    before = EngineState.of(fx);
  }

  @AfterEach
  void nothingWasRemoved() {
    assertThat(EngineState.of(fx)).isEqualTo(before);
  }

  static Stream<Arguments> declined() {
    return GUIDE.stream().flatMap(command -> Stream.of("", "n\n", "N\n", "\n", "yes\n")
        .map(answer -> Arguments.of(command, answer)));
  }

  static CliRun iechor(String answer, String commandLine) {
    return CliRun.on(engine.unixEndpoint(), answer, CliRun.words(commandLine));
  }

  @ParameterizedTest(name = "{0} <<< {1}")
  @MethodSource("declined")
  void anythingButYRemovesNothing(String command, String answer) {
    CliRun run = iechor(answer, command);

    assertThat(run.status()).isZero();
    assertThat(run.err()).isEmpty();
    assertThat(run.out()).startsWith("WARNING! This will remove")
        // At end of input the prompt's line is ended for the user; otherwise their Enter did it.
        .endsWith("Are you sure you want to continue? [y/N] " + (answer.isEmpty() ? "\n" : ""))
        .doesNotContain("Deleted", "Total reclaimed space");
  }

  @Test
  void jsonFormatPromptsOnStderrAndPrintsNothingWhenDeclined() {
    CliRun run = iechor("n\n", "iechor container prune --format json");

    assertThat(run.status()).isZero();
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).isEqualTo("""
        WARNING! This will remove all stopped containers.
        Are you sure you want to continue? [y/N]\s""");
  }
}
