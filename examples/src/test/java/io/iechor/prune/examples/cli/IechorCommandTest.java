package io.iechor.prune.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;
import picocli.CommandLine.ParseResult;

/**
 * Argument parsing, help, and the errors that need no engine. The address below never answers:
 * where a test gets past the filters it shows up in the error, which proves the order of checks.
 */
class IechorCommandTest {
  static final String NOWHERE = "unix:///nonexistent/iechor-test.sock";
  static final String UNREACHABLE = "Error: cannot reach an engine at " + NOWHERE
      + " (given with -H: no such socket): start the engine, or point -H or IECHOR_HOST at a running one";

  private static ParseResult parse(String... args) {
    Terminal t = new Terminal(new BufferedReader(new StringReader("")), new PrintWriter(new StringWriter()),
        new PrintWriter(new StringWriter()));
    return IechorCommand.commandLine(t).parseArgs(args);
  }

  private static Object command(ParseResult result) {
    ParseResult r = result;
    while (r.hasSubcommand()) {
      r = r.subcommand();
    }
    return r.commandSpec().userObject();
  }

  @Test
  void hostGoesBeforeTheCommand() {
    ParseResult r = parse("-H", "tcp://build:2376", "image", "prune", "-a");

    assertThat(((IechorCommand) r.commandSpec().userObject()).host).isEqualTo("tcp://build:2376");
    assertThat(((ImagePruneCommand) command(r)).all).isTrue();
  }

  @Test
  void filtersRepeatAndKeepTheirOrder() {
    ImagePruneCommand c = (ImagePruneCommand) command(
        parse("image", "prune", "--filter", "until=24h", "--filter=label!=keep", "-f"));

    assertThat(c.filters).containsExactly("until=24h", "label!=keep");
    assertThat(c.force).isTrue();
    assertThat(c.all).isFalse();
  }

  @Test
  void shortFlagsCluster() {
    SystemPruneCommand c = (SystemPruneCommand) command(parse("system", "prune", "-af", "--volumes"));

    assertThat(c.all).isTrue();
    assertThat(c.force).isTrue();
    assertThat(c.volumes).isTrue();
  }

  @Test
  void longFormsOfEveryFlag() {
    VolumePruneCommand v = (VolumePruneCommand) command(parse("--host", "unix:///s", "volume", "prune", "--all",
        "--force", "--format", "json"));
    BuilderPruneCommand b = (BuilderPruneCommand) command(parse("builder", "prune", "--all", "--keep-storage", "10GB"));

    assertThat(v.all).isTrue();
    assertThat(v.force).isTrue();
    assertThat(v.format).isEqualTo(PruneCommand.OutputFormat.JSON);
    assertThat(b.all).isTrue();
    assertThat(b.keepStorage).isEqualTo(10L * 1024 * 1024 * 1024);
  }

  @Test
  void guideCommandsSplitAsTheShellDoes() {
    assertThat(CliRun.words("iechor image prune -a --filter \"until=24h\""))
        .containsExactly("image", "prune", "-a", "--filter", "until=24h");
    assertThat(CliRun.words("iechor volume prune --filter \"label!=keep\""))
        .containsExactly("volume", "prune", "--filter", "label!=keep");
  }

  @ParameterizedTest
  @ValueSource(strings = {"image", "container", "volume", "network", "builder", "system"})
  void helpForEveryPruneCommand(String kind) {
    CliRun run = CliRun.run("", kind, "prune", "--help");

    assertThat(run.status()).isZero();
    assertThat(run.out()).startsWith("Usage: iechor " + kind + " prune").contains("-f, --force", "--filter=filter",
        "--format=json", "--help");
    assertThat(run.err()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"image", "container", "volume", "network", "builder", "system"})
  void shortHelpAsInTheIechorCli(String kind) {
    CliRun run = CliRun.run("", kind, "prune", "-h");

    assertThat(run.status()).isZero();
    assertThat(run.out()).startsWith("Usage: iechor " + kind + " prune").contains("-h, --help");
  }

  @Test
  void helpForTheCommandsAndGroups() {
    CliRun root = CliRun.run("", "--help");
    CliRun group = CliRun.run("", "image", "--help");
    CliRun bare = CliRun.run("");

    assertThat(root.status()).isZero();
    assertThat(root.out()).startsWith("Usage: iechor").contains("-H, --host=host", "image", "container", "volume",
        "network", "builder", "system");
    assertThat(group.status()).isZero();
    assertThat(group.out()).startsWith("Usage: iechor image").contains("prune");
    assertThat(bare.status()).isZero();
    assertThat(bare.out()).isEqualTo(root.out());
  }

  @Test
  void optionsOnlyWhereTheGuideHasThem() {
    assertThat(CliRun.run("", "system", "prune", "--help").out()).contains("-a, --all", "--volumes");
    assertThat(CliRun.run("", "builder", "prune", "--help").out()).contains("-a, --all", "--keep-storage=size");
    assertThat(CliRun.run("", "container", "prune", "--help").out()).doesNotContain("--all", "--volumes");
    assertThat(CliRun.run("", "network", "prune", "--help").out()).doesNotContain("--all", "--keep-storage");
  }

  @Test
  void helpListsTheFiltersEachKindSupports() {
    assertThat(CliRun.run("", "image", "prune", "--help").out()).contains("until=24h", "label=key[=value]",
        "label!=key[=value]");
    assertThat(CliRun.run("", "volume", "prune", "--help").out()).contains("volumes have no until", "label!=key")
        .doesNotContain("until=24h");
    assertThat(CliRun.run("", "builder", "prune", "--help").out()).contains("until=24h", "build cache has no labels")
        .doesNotContain("label=key");
  }

  @Test
  void unknownOptionIsAUsageError() {
    CliRun run = CliRun.run("", "image", "prune", "--frob");

    assertThat(run.status()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.errLines()).containsExactly("Error: Unknown option: '--frob'. See 'iechor image prune --help'.");
    assertThat(run.out()).isEmpty();
  }

  @Test
  void hostAfterTheCommandIsAUsageError() {
    CliRun run = CliRun.run("", "image", "prune", "-H", NOWHERE);

    assertThat(run.status()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.errLines()).hasSize(1);
  }

  @Test
  void unknownCommandIsAUsageError() {
    CliRun run = CliRun.run("", "image", "prunee");

    assertThat(run.status()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.errLines()).containsExactly("Error: Unmatched argument at index 1: 'prunee'."
        + " See 'iechor image --help'.");
  }

  @Test
  void badKeepStorageIsAUsageError() {
    CliRun run = CliRun.run("", "builder", "prune", "--keep-storage", "10XB");

    assertThat(run.status()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.errLines()).singleElement().asString()
        .startsWith("Error: Invalid value for option '--keep-storage': '10XB' is not a size")
        .endsWith("See 'iechor builder prune --help'.");
  }

  @Test
  void unknownFormatIsAUsageError() {
    CliRun run = CliRun.run("", "image", "prune", "--format", "yaml");

    assertThat(run.status()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.errLines()).containsExactly("Error: Invalid value for option '--format': unknown format 'yaml':"
        + " the only format is json. See 'iechor image prune --help'.");
  }

  @Test
  void filtersAreCheckedBeforeConnecting() {
    CliRun unknown = CliRun.run("y\n", "-H", NOWHERE, "image", "prune", "--filter", "foo=bar");
    CliRun unsupported = CliRun.run("y\n", "-H", NOWHERE, "volume", "prune", "--filter", "until=24h");
    CliRun badUntil = CliRun.run("y\n", "-H", NOWHERE, "container", "prune", "--filter", "until=7d");
    CliRun noValue = CliRun.run("y\n", "-H", NOWHERE, "network", "prune", "--filter", "until");
    CliRun labelOnCache = CliRun.run("y\n", "-H", NOWHERE, "builder", "prune", "--filter", "label=a");

    assertThat(unknown.errLines()).containsExactly(
        "Error: Unknown filter 'foo' for image prune; supported filters: until, label, label!");
    assertThat(unsupported.errLines()).containsExactly("Error: volume prune does not support the until filter"
        + " (the engine refuses it); filter volumes with label=... or label!=...");
    assertThat(badUntil.errLines()).singleElement().asString()
        .startsWith("Error: until=7d is not a duration").contains("7 days is until=168h");
    assertThat(noValue.errLines()).singleElement().asString()
        .startsWith("Error: Bad filter 'until': expected name=value");
    assertThat(labelOnCache.errLines()).singleElement().asString()
        .startsWith("Error: builder prune cannot filter by label");
    for (CliRun run : new CliRun[] {unknown, unsupported, badUntil, noValue, labelOnCache}) {
      assertThat(run.status()).isEqualTo(ExitCodes.FAILED);
      assertThat(run.out()).as("no prompt before a bad filter").isEmpty();
    }
  }

  @Test
  void untilWithVolumesIsRefusedEvenWithForce() {
    CliRun run = CliRun.run("", "-H", NOWHERE, "system", "prune", "--volumes", "-f", "--filter", "until=24h");

    assertThat(run.status()).isEqualTo(ExitCodes.FAILED);
    assertThat(run.errLines()).containsExactly("Error: the \"until\" filter is not supported with \"--volumes\""
        + " (volumes record no age): drop one of them, or prune volumes separately with label filters");
    assertThat(run.out()).isEmpty();
  }

  @Test
  void anUnreachableEngineFailsBeforeThePrompt() {
    CliRun run = CliRun.run("y\n", "-H", NOWHERE, "container", "prune");

    assertThat(run.status()).isEqualTo(ExitCodes.FAILED);
    assertThat(run.errLines()).containsExactly(UNREACHABLE);
    assertThat(run.out()).isEmpty();
  }

  @Test
  void anAddressWithoutSchemeIsExplained() {
    CliRun run = CliRun.run("", "-H", "build-host", "network", "prune", "-f");

    assertThat(run.status()).isEqualTo(ExitCodes.FAILED);
    assertThat(run.errLines()).singleElement().asString().startsWith("Error: ").contains("build-host", "scheme");
  }

  @Test
  void commandLineIsBuiltFresh() {
    // Each run parses into new command objects, so in-process runs cannot leak options into each other.
    Terminal t = new Terminal(new BufferedReader(new StringReader("")), new PrintWriter(new StringWriter()),
        new PrintWriter(new StringWriter()));
    CommandLine a = IechorCommand.commandLine(t);
    CommandLine b = IechorCommand.commandLine(t);

    assertThat((Object) a.getCommand()).isNotSameAs(b.getCommand());
  }
}
