package io.iechor.prune.examples.cli;

import picocli.CommandLine.Option;

/** {@code -h}/{@code --help} on every command, as in the iEchor CLI. */
final class HelpOption {
  @Option(names = {"-h", "--help"}, usageHelp = true, description = "Print usage")
  boolean help;
}
