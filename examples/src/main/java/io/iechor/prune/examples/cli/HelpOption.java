package io.iechor.prune.examples.cli;

import picocli.CommandLine.Option;

/**
 * {@code --help} on every command. Only the long name: {@code -h} beside the global {@code -H}
 * (host) would invite typos, and the iEchor CLI has none either.
 */
final class HelpOption {
  @Option(names = "--help", usageHelp = true, description = "Print usage")
  boolean help;
}
