package io.iechor.prune.examples.cli;

import io.iechor.prune.BuildCachePrune;
import io.iechor.prune.EngineInfo;
import io.iechor.prune.PruneClient;
import io.iechor.prune.report.BuildCachePruneReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code iechor builder prune}: build cache. */
@Command(name = "prune", description = "Remove build cache",
    footer = "%nFilters (build cache has no labels):%n"
        + "  until=24h               last used more than 24 hours ago")
final class BuilderPruneCommand extends PruneCommand<BuildCachePrune, BuildCachePruneReport> {

  @Option(names = {"-a", "--all"}, description = "Remove all build cache, not just dangling cache")
  boolean all;

  @Option(names = "--keep-storage", paramLabel = "size", converter = StorageSize.class,
      description = "Keep this much cache, e.g. 10GB (binary units: 10GB = 10 x 1024^3 bytes)")
  Long keepStorage;

  BuilderPruneCommand(IechorCommand root) {
    super(root);
  }

  @Override
  BuildCachePrune step(PruneClient client, String[] filters) {
    BuildCachePrune step = client.buildCache().filter(filters);
    if (all) {
      step = step.all();
    }
    return keepStorage == null ? step : step.keepStorage(keepStorage);
  }

  @Override
  String warning(BuildCachePrune step, EngineInfo engine) {
    return Prompts.buildCache(step.isAll());
  }

  @Override
  BuildCachePruneReport run(BuildCachePrune step) {
    return step.run();
  }

  @Override
  String text(BuildCachePruneReport report) {
    return TextReport.buildCache(report);
  }

  @Override
  String json(BuildCachePruneReport report) {
    return JsonReport.of(report);
  }
}
