package io.iechor.prune.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.iechor.prune.EngineApiException;
import io.iechor.prune.EngineNotFoundException;
import io.iechor.prune.EngineNotFoundException.Attempt;
import io.iechor.prune.InvalidFilterException;
import io.iechor.prune.PruneException;
import io.iechor.prune.PruneInProgressException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every failure becomes one stderr line saying what is wrong and what to do. */
class ErrorLineTest {

  @Test
  void engineGivenWithHostIsNamed() {
    EngineNotFoundException e = new EngineNotFoundException(
        List.of(new Attempt("unix:///x", "given endpoint", "no such socket")));

    assertThat(ErrorLine.of(e)).isEqualTo("Error: cannot reach an engine at unix:///x (given with -H: no such socket):"
        + " start the engine, or point -H or IECHOR_HOST at a running one");
  }

  @Test
  void everyPlaceTriedIsNamedOnOneLine() {
    EngineNotFoundException e = new EngineNotFoundException(List.of(
        new Attempt("unix:///var/run/iechor.sock", "default socket", "no such socket"),
        new Attempt("unix:///var/run/docker.sock", "default socket", "permission denied\n(join the docker group)")));

    assertThat(ErrorLine.of(e)).isEqualTo("Error: cannot reach an engine at"
        + " unix:///var/run/iechor.sock (no such socket),"
        + " unix:///var/run/docker.sock (permission denied; (join the docker group)):"
        + " start the engine, or point -H or IECHOR_HOST at a running one");
  }

  @Test
  void theVariableAnAddressCameFromIsNamed() {
    EngineNotFoundException e = new EngineNotFoundException(
        List.of(new Attempt("tcp://build:2375", "DOCKER_HOST", "connection refused")));

    assertThat(ErrorLine.of(e)).startsWith("Error: cannot reach an engine at tcp://build:2375 (from DOCKER_HOST:"
        + " connection refused): ");
  }

  @Test
  void filterMessagesPassThrough() {
    InvalidFilterException e = new InvalidFilterException("foo=bar",
        "Unknown filter 'foo' for image prune; supported filters: until, label, label!");

    assertThat(ErrorLine.of(e))
        .isEqualTo("Error: Unknown filter 'foo' for image prune; supported filters: until, label, label!");
  }

  @Test
  void aConcurrentPruneIsExplainedForTheShell() {
    assertThat(ErrorLine.of(new PruneInProgressException("a prune operation is already running", "POST",
        "/v1.41/containers/prune")))
        .startsWith("Error: another prune is already running on the engine")
        .doesNotContain("retryOnConflict");
  }

  @Test
  void engineRefusalsKeepTheEnginesMessage() {
    assertThat(ErrorLine.of(new EngineApiException(400, "invalid filter 'x'", "POST", "/v1.41/images/prune")))
        .isEqualTo("Error: Engine refused POST /v1.41/images/prune with status 400: invalid filter 'x'");
  }

  @Test
  void multiLineMessagesBecomeOneLine() {
    assertThat(ErrorLine.of(new PruneException("first\n  - second\r\nthird\n")))
        .isEqualTo("Error: first; second; third");
  }

  @Test
  void usageErrorsPointToHelp() {
    assertThat(ErrorLine.usage("Unknown option: '--frob'", "iechor image prune"))
        .isEqualTo("Error: Unknown option: '--frob'. See 'iechor image prune --help'.");
  }
}
