package io.iechor.prune.examples.cli;

import io.iechor.prune.EngineInfo;
import io.iechor.prune.NetworkPrune;
import io.iechor.prune.PruneClient;
import io.iechor.prune.report.NetworkPruneReport;
import picocli.CommandLine.Command;

/** {@code iechor network prune}: user-defined networks no running container is attached to. */
@Command(name = "prune", description = "Remove all unused networks",
    footer = PruneCommand.UNTIL_AND_LABEL_FILTERS)
final class NetworkPruneCommand extends PruneCommand<NetworkPrune, NetworkPruneReport> {

  NetworkPruneCommand(IechorCommand root) {
    super(root);
  }

  @Override
  NetworkPrune step(PruneClient client, String[] filters) {
    return client.networks().filter(filters);
  }

  @Override
  String warning(NetworkPrune step, EngineInfo engine) {
    return Prompts.networks();
  }

  @Override
  NetworkPruneReport run(NetworkPrune step) {
    return step.run();
  }

  @Override
  String text(NetworkPruneReport report) {
    return TextReport.networks(report);
  }

  @Override
  String json(NetworkPruneReport report) {
    return JsonReport.of(report);
  }
}
