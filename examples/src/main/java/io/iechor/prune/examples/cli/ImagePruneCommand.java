package io.iechor.prune.examples.cli;

import io.iechor.prune.EngineInfo;
import io.iechor.prune.ImagePrune;
import io.iechor.prune.PruneClient;
import io.iechor.prune.report.ImagePruneReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code iechor image prune}: dangling images, or with {@code -a} every unused image. */
@Command(name = "prune", description = "Remove unused images",
    footer = PruneCommand.UNTIL_AND_LABEL_FILTERS)
final class ImagePruneCommand extends PruneCommand<ImagePrune, ImagePruneReport> {

  @Option(names = {"-a", "--all"}, description = "Remove all unused images, not just dangling ones")
  boolean all;

  ImagePruneCommand(IechorCommand root) {
    super(root);
  }

  @Override
  ImagePrune step(PruneClient client, String[] filters) {
    ImagePrune step = client.images().filter(filters);
    return all ? step.all() : step;
  }

  @Override
  String warning(ImagePrune step, EngineInfo engine) {
    return Prompts.images(step.isAll());
  }

  @Override
  ImagePruneReport run(ImagePrune step) {
    return step.run();
  }

  @Override
  String text(ImagePruneReport report) {
    return TextReport.images(report);
  }

  @Override
  String json(ImagePruneReport report) {
    return JsonReport.of(report);
  }
}
