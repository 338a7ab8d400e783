package io.iechor.prune.it;

import io.iechor.prune.PruneClient;
import io.iechor.prune.PruneException;
import io.iechor.prune.Pruner;
import io.iechor.prune.report.ContainerPruneReport;

/** Runs one container prune against {@code args[0]} and prints the report or the error, shortened. */
public final class LargeResponseProbe {
  private LargeResponseProbe() {
  }

  public static void main(String[] args) {
    try (PruneClient client = Pruner.connect(args[0])) {
      ContainerPruneReport r = client.containers().run();
      System.out.println("report: " + r.deletedContainers() + " " + r.spaceReclaimed());
    } catch (PruneException e) {
      System.out.println(e.getClass().getSimpleName() + " (" + e.getMessage().length() + " chars): "
          + e.getMessage().substring(0, Math.min(200, e.getMessage().length())));
    }
    System.out.println("max heap " + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MB");
  }
}
