package io.iechor.prune.examples.cli;

import io.iechor.prune.EngineInfo;
import io.iechor.prune.PruneClient;
import io.iechor.prune.VolumePrune;
import io.iechor.prune.report.VolumePruneReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code iechor volume prune}: unused local volumes; which ones by default depends on the engine
 * (anonymous only from API 1.42), and {@code -a} includes named ones everywhere.
 */
@Command(name = "prune", description = "Remove unused local volumes",
    footer = "%nFilters (volumes have no until):%n"
        + "  label=key[=value]       with this label%n"
        + "  label!=key[=value]      without this label")
final class VolumePruneCommand extends PruneCommand<VolumePrune, VolumePruneReport> {

  @Option(names = {"-a", "--all"},
      description = "Remove named volumes too (engines with API 1.42+ keep them by default)")
  boolean all;

  VolumePruneCommand(IechorCommand root) {
    super(root);
  }

  @Override
  VolumePrune step(PruneClient client, String[] filters) {
    VolumePrune step = client.volumes().filter(filters);
    return all ? step.all() : step;
  }

  @Override
  String warning(VolumePrune step, EngineInfo engine) {
    return Prompts.volumes(!step.isAll() && anonymousVolumesOnly(engine));
  }

  @Override
  VolumePruneReport run(VolumePrune step) {
    return step.run();
  }

  @Override
  String text(VolumePruneReport report) {
    return TextReport.volumes(report);
  }

  @Override
  String json(VolumePruneReport report) {
    return JsonReport.of(report);
  }
}
