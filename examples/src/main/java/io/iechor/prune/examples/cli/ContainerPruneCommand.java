package io.iechor.prune.examples.cli;

import io.iechor.prune.ContainerPrune;
import io.iechor.prune.EngineInfo;
import io.iechor.prune.PruneClient;
import io.iechor.prune.report.ContainerPruneReport;
import picocli.CommandLine.Command;

/** {@code iechor container prune}: stopped containers. */
@Command(name = "prune", description = "Remove all stopped containers",
    footer = PruneCommand.UNTIL_AND_LABEL_FILTERS)
final class ContainerPruneCommand extends PruneCommand<ContainerPrune, ContainerPruneReport> {

  ContainerPruneCommand(IechorCommand root) {
    super(root);
  }

  @Override
  ContainerPrune step(PruneClient client, String[] filters) {
    return client.containers().filter(filters);
  }

  @Override
  String warning(ContainerPrune step, EngineInfo engine) {
    return Prompts.containers();
  }

  @Override
  ContainerPruneReport run(ContainerPrune step) {
    return step.run();
  }

  @Override
  String text(ContainerPruneReport report) {
    return TextReport.containers(report);
  }

  @Override
  String json(ContainerPruneReport report) {
    return JsonReport.of(report);
  }
}
