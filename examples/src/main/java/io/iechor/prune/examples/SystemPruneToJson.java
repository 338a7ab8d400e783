package io.iechor.prune.examples;

import io.iechor.prune.PruneClient;
import io.iechor.prune.Pruner;
import io.iechor.prune.examples.cli.JsonReport;
import io.iechor.prune.report.SystemPruneReport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A system prune that writes its report as JSON, for a dashboard or a job artifact: what each
 * kind of prune removed and the bytes reclaimed.
 *
 * <pre>{@code
 * java -cp examples/target/prune-examples-0.1.0-SNAPSHOT.jar \
 *     io.iechor.prune.examples.SystemPruneToJson prune-report.json
 * }</pre>
 *
 * <p>The same as {@code iechor system prune -f --format json > prune-report.json}: stopped
 * containers, unused networks, dangling images and unused build cache; volumes stay.
 */
public final class SystemPruneToJson {

  private SystemPruneToJson() {
  }

  /** Prunes the engine {@link Pruner} finds and writes the report to {@code args[0]}, or to stdout. */
  public static void main(String[] args) {
    try (PruneClient engine = Pruner.connect()) {
      if (args.length > 0) {
        SystemPruneReport report = prune(engine, Path.of(args[0]));
        System.out.println("Reclaimed " + report.spaceReclaimed() + " bytes; report in " + args[0]);
      } else {
        System.out.print(JsonReport.of(engine.system().run()));
      }
    }
  }

  /** Prunes and writes the report to {@code file}, which it replaces. */
  public static SystemPruneReport prune(PruneClient engine, Path file) {
    SystemPruneReport report = engine.system().run();
    try {
      Files.writeString(file, JsonReport.of(report));
    } catch (IOException e) {
      // The prune has happened: say so, so that nobody runs it again to get the report.
      throw new UncheckedIOException("Pruned, but cannot write the report to " + file + ": " + e.getMessage(), e);
    }
    return report;
  }
}
