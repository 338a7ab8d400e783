package io.iechor.prune.examples;

import io.iechor.prune.PruneClient;
import io.iechor.prune.Pruner;
import io.iechor.prune.report.ByteSize;
import io.iechor.prune.report.ContainerPruneReport;
import io.iechor.prune.report.ImagePruneReport;
import java.time.Duration;

/**
 * A CI runner's nightly cleanup: stopped containers and unused images older than a day go,
 * anything labelled {@code keep} stays (say, a warmed-up base image).
 *
 * <pre>{@code
 * java -cp examples/target/prune-examples-0.1.0-SNAPSHOT.jar io.iechor.prune.examples.NightlyCiCleanup
 * java -cp examples/target/prune-examples-0.1.0-SNAPSHOT.jar io.iechor.prune.examples.NightlyCiCleanup \
 *     unix:///var/run/docker.sock
 * }</pre>
 *
 * <p>The same as {@code iechor container prune -f --filter until=24h --filter label!=keep}
 * followed by {@code iechor image prune -a -f --filter until=24h --filter label!=keep}.
 */
public final class NightlyCiCleanup {
  /** Younger objects may belong to a job that is still running. */
  public static final Duration MAX_AGE = Duration.ofHours(24);

  private NightlyCiCleanup() {
  }

  /** Cleans the engine at {@code args[0]}, or the one {@link Pruner} finds, and prints a summary. */
  public static void main(String[] args) {
    try (PruneClient engine = args.length > 0 ? Pruner.connect(args[0]) : Pruner.connect()) {
      System.out.println(clean(engine, MAX_AGE));
    }
  }

  /**
   * Removes stopped containers, then every image no container uses, created more than
   * {@code age} ago and not labelled {@code keep}.
   *
   * @return a one-line summary
   */
  public static String clean(PruneClient engine, Duration age) {
    // Containers first: an image stays "used" as long as a stopped container refers to it.
    ContainerPruneReport containers = engine.containers().until(age).withoutLabel("keep").run();
    ImagePruneReport images = engine.images().all().until(age).withoutLabel("keep").run();
    return "Removed " + containers.deletedContainers().size() + " stopped containers and "
        + images.untagged().size() + " image tags (" + images.deleted().size() + " images and layers),"
        + " reclaiming " + ByteSize.format(containers.spaceReclaimed() + images.spaceReclaimed());
  }
}
