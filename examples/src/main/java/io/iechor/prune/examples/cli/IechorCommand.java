package io.iechor.prune.examples.cli;

import io.iechor.prune.PruneClient;
import io.iechor.prune.Pruner;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The {@code iechor} command line of the user guide, on the iEchor Prune library: {@code image},
 * {@code container}, {@code volume}, {@code network}, {@code builder} and {@code system prune},
 * with the iEchor CLI's prompts, output and exit statuses ({@link ExitCodes}).
 *
 * <pre>{@code
 * examples/bin/iechor image prune -a --filter "until=24h"
 * examples/bin/iechor -H unix:///var/run/docker.sock system prune --volumes -f
 * }</pre>
 *
 * <p>Without {@code -H} the engine is found as {@link Pruner} describes ({@code IECHOR_HOST},
 * {@code DOCKER_HOST}, the current context, the usual sockets).
 */
@Command(name = "iechor", synopsisSubcommandLabel = "COMMAND",
    description = "Free disk space on an iEchor (Docker-compatible) engine by removing unused objects.")
public final class IechorCommand implements Callable<Integer> {
  @Mixin
  HelpOption help;

  @Option(names = {"-H", "--host"}, paramLabel = "host",
      description = "The engine to talk to, e.g. unix:///var/run/docker.sock or tcp://host:2376"
          + " (default: IECHOR_HOST, DOCKER_HOST, the current context, the usual sockets)")
  String host;

  @Spec
  CommandSpec spec;

  private final Terminal terminal;

  private IechorCommand(Terminal terminal) {
    this.terminal = terminal;
  }

  /** Runs the command line and exits with its status. */
  public static void main(String[] args) {
    // The library warns through java.util.logging (e.g. plain TCP to another host); keep the
    // command line's promise of one line per message on stderr.
    if (System.getProperty("java.util.logging.SimpleFormatter.format") == null) {
      System.setProperty("java.util.logging.SimpleFormatter.format", "Warning: %5$s%n");
    }
    System.exit(run(args, System.in, System.out, System.err));
  }

  /**
   * Runs one command line with the given streams, in this JVM, and returns the exit status
   * instead of exiting. Text is read and written in the platform charset, as by {@link System#out}.
   */
  public static int run(String[] args, InputStream in, OutputStream out, OutputStream err) {
    Charset cs = Charset.defaultCharset();
    Terminal terminal = new Terminal(new BufferedReader(new InputStreamReader(in, cs)),
        new PrintWriter(out, true, cs), new PrintWriter(err, true, cs));
    try {
      return commandLine(terminal).execute(args);
    } finally {
      terminal.out().flush();
      terminal.err().flush();
    }
  }

  static CommandLine commandLine(Terminal terminal) {
    IechorCommand root = new IechorCommand(terminal);
    CommandLine cli = new CommandLine(root);
    cli.addSubcommand("image", group(terminal, "Manage images", new ImagePruneCommand(root)));
    cli.addSubcommand("container", group(terminal, "Manage containers", new ContainerPruneCommand(root)));
    cli.addSubcommand("volume", group(terminal, "Manage volumes", new VolumePruneCommand(root)));
    cli.addSubcommand("network", group(terminal, "Manage networks", new NetworkPruneCommand(root)));
    cli.addSubcommand("builder", group(terminal, "Manage builds", new BuilderPruneCommand(root)));
    cli.addSubcommand("system", group(terminal, "Manage iEchor", new SystemPruneCommand(root)));
    // Set after the subcommands are added: picocli copies these settings only to existing ones.
    cli.setOut(terminal.out());
    cli.setErr(terminal.err());
    cli.setParameterExceptionHandler((e, args) -> {
      terminal.err().println(ErrorLine.usage(e.getMessage(), e.getCommandLine().getCommandSpec().qualifiedName()));
      return ExitCodes.USAGE;
    });
    cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
      terminal.err().println(ErrorLine.of(e));
      return ExitCodes.FAILED;
    });
    return cli;
  }

  private static CommandLine group(Terminal terminal, String description, Object prune) {
    CommandLine group = new CommandLine(new GroupCommand(terminal));
    group.getCommandSpec().usageMessage().description(description);
    group.addSubcommand("prune", prune);
    return group;
  }

  @Override
  public Integer call() {
    spec.commandLine().usage(terminal.out());
    terminal.out().flush();
    return ExitCodes.OK;
  }

  /** A client for {@code -H}, or for the discovered engine. Connects on first use. */
  PruneClient connect() {
    return host == null ? Pruner.connect() : Pruner.connect(host);
  }

  Terminal terminal() {
    return terminal;
  }
}
