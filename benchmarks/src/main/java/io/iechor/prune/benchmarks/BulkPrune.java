package io.iechor.prune.benchmarks;

import io.iechor.prune.PruneClient;
import io.iechor.prune.Pruner;
import io.iechor.prune.report.ContainerPruneReport;

/**
 * One container prune through the library, timed around the call alone (connecting, which pings
 * the engine, comes first and is not counted): the engine's work and the library's reading of a
 * large answer, without the JVM's start. Prints the milliseconds and how many containers went.
 *
 * <pre>{@code java -cp ... io.iechor.prune.benchmarks.BulkPrune /path/docker.sock}</pre>
 */
public final class BulkPrune {
  private BulkPrune() {
  }

  public static void main(String[] args) {
    try (PruneClient client = Pruner.connect("unix://" + args[0])) {
      client.engine();
      long start = System.nanoTime();
      ContainerPruneReport r = client.containers().run();
      long took = System.nanoTime() - start;
      System.out.printf("%.1f\t%d%n", took / 1e6, r.deletedContainers().size());
    }
  }
}
