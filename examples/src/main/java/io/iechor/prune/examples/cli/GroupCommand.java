package io.iechor.prune.examples.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * A management command such as {@code image} or {@code volume}, whose only subcommand here is
 * {@code prune}. Run alone, it prints its usage, as the iEchor CLI does.
 */
@Command(synopsisSubcommandLabel = "COMMAND")
final class GroupCommand implements Callable<Integer> {
  @Mixin
  HelpOption help;

  @Spec
  CommandSpec spec;

  private final Terminal terminal;

  GroupCommand(Terminal terminal) {
    this.terminal = terminal;
  }

  @Override
  public Integer call() {
    spec.commandLine().usage(terminal.out());
    terminal.out().flush();
    return ExitCodes.OK;
  }
}
