package io.iechor.prune.examples.cli;

import io.iechor.prune.ApiVersion;
import io.iechor.prune.EngineInfo;
import io.iechor.prune.InvalidFilterException;
import io.iechor.prune.PruneClient;
import io.iechor.prune.SystemPrune;
import io.iechor.prune.report.SystemPruneReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code iechor system prune}: stopped containers, unused networks, dangling (or with {@code -a}
 * all unused) images, build cache, and with {@code --volumes} unused volumes.
 */
@Command(name = "prune", description = "Remove unused data",
    footer = PruneCommand.UNTIL_AND_LABEL_FILTERS)
final class SystemPruneCommand extends PruneCommand<SystemPrune, SystemPruneReport> {
  /** The first API version with a build-cache prune; the library skips it on older engines. */
  private static final ApiVersion BUILD_CACHE_PRUNE = ApiVersion.of(1, 31);

  @Option(names = {"-a", "--all"}, description = "Remove all unused images and all build cache, not just dangling ones")
  boolean all;

  @Option(names = "--volumes", description = "Prune volumes too")
  boolean volumes;

  SystemPruneCommand(IechorCommand root) {
    super(root);
  }

  @Override
  SystemPrune step(PruneClient client, String[] filters) {
    SystemPrune step = client.system().filter(filters);
    if (all) {
      step = step.all();
    }
    if (volumes) {
      step.filters().until().ifPresent(until -> {
        throw new InvalidFilterException("until=" + until, "the \"until\" filter is not supported with \"--volumes\""
            + " (volumes record no age): drop one of them, or prune volumes separately with label filters");
      });
      step = step.withVolumes();
    }
    return step;
  }

  @Override
  String warning(SystemPrune step, EngineInfo engine) {
    // The library skips the build cache when a label filter is given (no cache can match it) and
    // where the engine has no build-cache prune; the list must not promise what will not happen.
    boolean buildCache = step.filters().labels().isEmpty() && !engine.podman()
        && engine.apiVersion().isAtLeast(BUILD_CACHE_PRUNE);
    return Prompts.system(
        Prompts.systemItems(step.includesVolumes(), anonymousVolumesOnly(engine), step.isAll(), buildCache),
        step.filters().expressions());
  }

  @Override
  SystemPruneReport run(SystemPrune step) {
    return step.run();
  }

  @Override
  String text(SystemPruneReport report) {
    return TextReport.system(report);
  }

  @Override
  String json(SystemPruneReport report) {
    return JsonReport.of(report);
  }
}
