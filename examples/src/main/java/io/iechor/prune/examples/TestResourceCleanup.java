package io.iechor.prune.examples;

import io.iechor.prune.PruneClient;
import io.iechor.prune.Pruner;
import io.iechor.prune.report.ContainerPruneReport;
import io.iechor.prune.report.ImagePruneReport;
import io.iechor.prune.report.NetworkPruneReport;
import io.iechor.prune.report.VolumePruneReport;

/**
 * After a test run: remove what the tests made and labelled, say {@code test-run=1234}, and
 * nothing else on the engine, so that runs sharing an engine do not wipe each other.
 *
 * <pre>{@code
 * java -cp examples/target/prune-examples-0.1.0-SNAPSHOT.jar \
 *     io.iechor.prune.examples.TestResourceCleanup test-run=1234
 * }</pre>
 *
 * <p>Only stopped containers go: a container still running belongs to a test that has not ended.
 */
public final class TestResourceCleanup {

  private TestResourceCleanup() {
  }

  /** Cleans up objects labelled {@code args[0]} ({@code key=value}) on the engine {@link Pruner} finds. */
  public static void main(String[] args) {
    if (args.length != 1 || args[0].indexOf('=') <= 0) {
      System.err.println("Usage: TestResourceCleanup key=value   (the label your tests put on what they create)");
      System.exit(125);
    }
    int eq = args[0].indexOf('=');
    try (PruneClient engine = Pruner.connect()) {
      System.out.println(clean(engine, args[0].substring(0, eq), args[0].substring(eq + 1)));
    }
  }

  /**
   * Removes stopped containers, unused networks, unused volumes (named ones too) and unused
   * images labelled {@code key=value}, in that order: each step frees what the next one removes.
   *
   * @return a one-line summary
   */
  public static String clean(PruneClient engine, String key, String value) {
    ContainerPruneReport containers = engine.containers().withLabel(key, value).run();
    NetworkPruneReport networks = engine.networks().withLabel(key, value).run();
    VolumePruneReport volumes = engine.volumes().all().withLabel(key, value).run();
    ImagePruneReport images = engine.images().all().withLabel(key, value).run();
    return "Removed " + containers.deletedContainers().size() + " containers, " + networks.deletedNetworks().size()
        + " networks, " + volumes.deletedVolumes().size() + " volumes and " + images.untagged().size()
        + " image tags labelled " + key + "=" + value;
  }
}
