package io.iechor.prune.examples.cli;

import io.iechor.prune.ApiVersion;
import io.iechor.prune.EngineInfo;
import io.iechor.prune.NetworkPrune;
import io.iechor.prune.PruneClient;
import io.iechor.prune.plan.PrunePlan;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/**
 * What every {@code <kind> prune} command does, in this order: build the library's step from the
 * options (which checks the filters without any I/O), connect, ask for confirmation unless
 * {@code -f}, prune, print. A bad filter or an unreachable engine therefore fails before the
 * prompt, and nothing is removed without a {@code y}. With {@code --dry-run} it prints the step's
 * plan instead ({@link DryRun}), asks nothing and removes nothing.
 *
 * @param <S> the library's step type, e.g. {@link io.iechor.prune.ImagePrune}
 * @param <R> its report type
 */
abstract class PruneCommand<S, R> implements Callable<Integer> {
  /** The help footer of commands whose kind has creation times and labels. */
  static final String UNTIL_AND_LABEL_FILTERS = "%nFilters:%n"
      + "  until=24h               created more than 24 hours ago (Go durations, RFC 3339 times, Unix seconds)%n"
      + "  label=key[=value]       with this label%n"
      + "  label!=key[=value]      without this label";
  /** Named volumes survive a volume prune without {@code all} from this API version. */
  private static final ApiVersion ANONYMOUS_VOLUMES_ONLY = ApiVersion.of(1, 42);

  @Mixin
  HelpOption help;

  @Option(names = {"-f", "--force"}, description = "Do not prompt for confirmation")
  boolean force;

  @Option(names = "--filter", paramLabel = "filter",
      description = "Prune only what matches name=value (the filters are listed below); repeatable")
  List<String> filters = new ArrayList<>();

  @Option(names = "--dry-run",
      description = "Print what would be removed, with sizes and the total, and remove nothing (no prompt)")
  boolean dryRun;

  @Option(names = "--format", paramLabel = "json", converter = JsonFormat.class,
      description = "Print the report as JSON (the only format); the prompt then goes to stderr")
  OutputFormat format = OutputFormat.TEXT;

  private final IechorCommand root;

  PruneCommand(IechorCommand root) {
    this.root = root;
  }

  /** The library's step for these options and {@code filters}; throws for a bad filter. No I/O. */
  abstract S step(PruneClient client, String[] filters);

  /** The confirmation text, which may depend on what the engine will do. */
  abstract String warning(S step, EngineInfo engine);

  abstract R run(S step);

  abstract String text(R report);

  abstract String json(R report);

  @Override
  public Integer call() {
    Terminal terminal = root.terminal();
    boolean json = format == OutputFormat.JSON;
    try (PruneClient client = root.connect()) {
      S step = step(client, filters.toArray(String[]::new));
      if (dryRun) {
        // A dry run removes nothing, so there is nothing to confirm.
        PrunePlan plan = DryRun.plan(step);
        terminal.out().print(json ? DryRun.json(plan) : DryRun.text(plan, !(step instanceof NetworkPrune)));
        terminal.out().flush();
        return ExitCodes.OK;
      }
      EngineInfo engine = client.engine();
      // With --format json, stdout carries only the JSON, so a script can parse it.
      PrintWriter prompt = json ? terminal.err() : terminal.out();
      if (!force && !terminal.confirm(warning(step, engine), prompt)) {
        return ExitCodes.OK;
      }
      R report = run(step);
      terminal.out().print(json ? json(report) : text(report));
      terminal.out().flush();
      return ExitCodes.OK;
    }
  }

  /** Whether the engine keeps named volumes in a volume prune without {@code all}. */
  static boolean anonymousVolumesOnly(EngineInfo engine) {
    // Podman prunes named volumes on every version.
    return !engine.podman() && engine.apiVersion().isAtLeast(ANONYMOUS_VOLUMES_ONLY);
  }

  /** How the report is printed. */
  enum OutputFormat {
    /** As the iEchor CLI prints it. */
    TEXT,
    /** {@link JsonReport}. */
    JSON
  }

  /** Accepts {@code json}, the only format that can be asked for (text is the default). */
  static final class JsonFormat implements ITypeConverter<OutputFormat> {
    @Override
    public OutputFormat convert(String value) {
      if (!value.trim().toLowerCase(Locale.ROOT).equals("json")) {
        throw new TypeConversionException("unknown format '" + value + "': the only format is json");
      }
      return OutputFormat.JSON;
    }
  }
}
