package io.iechor.prune.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.iechor.prune.examples.Garbage;
import io.iechor.prune.examples.PrivateEngine;
import io.iechor.prune.testing.Fixtures;
import io.iechor.prune.testing.TestEngine;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every command of the user guide, typed as the guide types it and answered {@code y} as the guide
 * shows, against a real private engine holding {@link Garbage}: the prompt, what was printed,
 * what went and what stayed. The only addition to the guide's words is {@code -H <engine>} in
 * front, which picks the private engine ({@code LauncherIT} uses {@code IECHOR_HOST} instead).
 */
class GuideCommandsIT {
  static final String IMAGES = "Deleted Images:";
  static final String CONTAINERS = "Deleted Containers:";
  static final String VOLUMES = "Deleted Volumes:";
  static final String NETWORKS = "Deleted Networks:";
  static final String BUILD_CACHE = "Deleted build cache objects:";

  static TestEngine engine;
  Fixtures fx;
  Garbage g;

  @BeforeAll
  static void startEngine() {
    engine = PrivateEngine.get();
  }

  @BeforeEach
  void makeGarbage() {
    g = Garbage.create(engine);
    fx = engine.fixtures();
  }

  /** Runs a guide command line against the private engine with {@code answer} typed at the prompt. */
  static CliRun iechor(String answer, String commandLine) {
    CliRun run = CliRun.on(engine.unixEndpoint(), answer, CliRun.words(commandLine));
    assertThat(run.err()).as("stderr of %s", commandLine).isEmpty();
    assertThat(run.status()).as("exit status of %s", commandLine).isZero();
    return run;
  }

  static boolean namedVolumesGoByDefault() {
    return Garbage.namedVolumesGoByDefault(engine);
  }

  static String prompt(String warning) {
    return warning + " [y/N] ";
  }

  @Test
  void imagePrune() {
    CliRun run = iechor("y\n", "iechor image prune");

    Printed out = Printed.read(run.out(), prompt("""
        WARNING! This will remove all dangling images.
        Are you sure you want to continue?"""));
    assertThat(out.section(IMAGES)).contains("deleted: " + g.danglingImage).noneMatch(l -> l.startsWith("untagged: "));
    assertThat(out.total()).isNotEqualTo("0B");
    assertThat(fx.imageExists(g.danglingImage)).isFalse();
    assertThat(fx.imageTags()).containsExactlyInAnyOrder(Garbage.APP, Garbage.TOOL, Garbage.KEPT, Garbage.OLD);
  }

  @Test
  void imagePruneAll() {
    CliRun run = iechor("y\n", "iechor image prune -a");

    Printed out = Printed.read(run.out(), prompt("""
        WARNING! This will remove all images without at least one container associated to them.
        Are you sure you want to continue?"""));
    assertThat(out.section(IMAGES)).contains("untagged: " + Garbage.TOOL, "untagged: " + Garbage.KEPT,
        "untagged: " + Garbage.OLD, "deleted: " + g.danglingImage, "deleted: " + g.toolImage,
        "deleted: " + g.keptImage, "deleted: " + g.oldImage);
    assertThat(fx.imageIds()).containsExactly(g.appImage);
  }

  @Test
  void imagePruneAllUntil24h() {
    CliRun run = iechor("y\n", "iechor image prune -a --filter \"until=24h\"");

    Printed out = Printed.read(run.out(), prompt("""
        WARNING! This will remove all images without at least one container associated to them.
        Are you sure you want to continue?"""));
    // Only the image built in 2020 is older than 24 hours; the dangling one is young and stays.
    assertThat(out.section(IMAGES)).startsWith("untagged: " + Garbage.OLD, "deleted: " + g.oldImage);
    assertThat(fx.imageTags()).containsExactlyInAnyOrder(Garbage.APP, Garbage.TOOL, Garbage.KEPT);
    assertThat(fx.imageExists(g.danglingImage)).isTrue();
  }

  @Test
  void containerPrune() {
    CliRun run = iechor("y\n", "iechor container prune");

    Printed out = Printed.read(run.out(), prompt("""
        WARNING! This will remove all stopped containers.
        Are you sure you want to continue?"""));
    assertThat(out.section(CONTAINERS)).containsExactlyInAnyOrder(g.exited, g.created, g.keptContainer);
    assertThat(out.total()).isNotNull();
    assertThat(fx.containerIds()).containsExactly(g.running);
  }

  @Test
  void containerPruneUntil24h() {
    CliRun run = iechor("y\n", "iechor container prune --filter \"until=24h\"");

    // Every container was made a moment ago: none goes, and only the total is printed.
    assertThat(run.out()).isEqualTo(prompt("""
        WARNING! This will remove all stopped containers.
        Are you sure you want to continue?""") + "Total reclaimed space: 0B\n");
    assertThat(fx.containerIds()).containsExactlyInAnyOrder(g.running, g.exited, g.created, g.keptContainer);
  }

  @Test
  void volumePrune() {
    CliRun run = iechor("y\n", "iechor volume prune");

    if (namedVolumesGoByDefault()) {
      Printed out = Printed.read(run.out(), prompt("""
          WARNING! This will remove all volumes not used by at least one container.
          Are you sure you want to continue?"""));
      assertThat(out.section(VOLUMES)).containsExactlyInAnyOrder(Garbage.NAMED_VOLUME, Garbage.KEPT_VOLUME,
          g.anonymousVolume);
      assertThat(fx.volumeNames()).containsExactlyInAnyOrder(Garbage.USED_VOLUME, Garbage.STOPPED_VOLUME);
    } else {
      Printed out = Printed.read(run.out(), prompt("""
          WARNING! This will remove all anonymous volumes not used by at least one container.
          Are you sure you want to continue?"""));
      assertThat(out.sections()).isEmpty(); // volume create makes named volumes only
      assertThat(fx.volumeNames()).contains(Garbage.NAMED_VOLUME, Garbage.KEPT_VOLUME);
    }
  }

  @Test
  void volumePruneWithoutKeep() {
    CliRun run = iechor("y\n", "iechor volume prune --filter \"label!=keep\"");

    Printed out = Printed.read(run.out(), prompt(namedVolumesGoByDefault() ? """
        WARNING! This will remove all volumes not used by at least one container.
        Are you sure you want to continue?""" : """
        WARNING! This will remove all anonymous volumes not used by at least one container.
        Are you sure you want to continue?"""));
    assertThat(fx.volumeNames()).contains(Garbage.KEPT_VOLUME, Garbage.USED_VOLUME, Garbage.STOPPED_VOLUME);
    if (namedVolumesGoByDefault()) {
      assertThat(out.section(VOLUMES)).containsExactlyInAnyOrder(Garbage.NAMED_VOLUME, g.anonymousVolume);
      assertThat(fx.volumeNames()).doesNotContain(Garbage.NAMED_VOLUME, g.anonymousVolume);
    }
  }

  @Test
  void networkPrune() {
    CliRun run = iechor("y\n", "iechor network prune");

    Printed out = Printed.read(run.out(), prompt("""
        WARNING! This will remove all networks not used by at least one container.
        Are you sure you want to continue?"""));
    assertThat(out.section(NETWORKS)).containsExactlyInAnyOrder(Garbage.UNUSED_NETWORK, Garbage.KEPT_NETWORK);
    assertThat(out.total()).as("network prune prints no total").isNull();
    assertThat(fx.networkNames()).contains(Garbage.USED_NETWORK)
        .doesNotContain(Garbage.UNUSED_NETWORK, Garbage.KEPT_NETWORK);
  }

  @Test
  void networkPruneUntil24h() {
    CliRun run = iechor("y\n", "iechor network prune --filter \"until=24h\"");

    // Nothing deleted: network prune then prints nothing at all.
    assertThat(run.out()).isEqualTo(prompt("""
        WARNING! This will remove all networks not used by at least one container.
        Are you sure you want to continue?"""));
    assertThat(fx.networkNames()).contains(Garbage.USED_NETWORK, Garbage.UNUSED_NETWORK, Garbage.KEPT_NETWORK);
  }

  @Test
  void systemPrune() {
    fx.buildWithCache("demo/built:1");
    int cacheBefore = fx.buildCacheRecords();

    CliRun run = iechor("y\n", "iechor system prune");

    Printed out = Printed.read(run.out(), prompt("""
        WARNING! This will remove:
                - all stopped containers
                - all networks not used by at least one container
                - all dangling images
                - unused build cache

        Are you sure you want to continue?"""));
    assertThat(out.sections().keySet()).containsExactly(CONTAINERS, NETWORKS, IMAGES, BUILD_CACHE);
    assertThat(out.section(CONTAINERS)).containsExactlyInAnyOrder(g.exited, g.created, g.keptContainer);
    assertThat(out.section(NETWORKS)).containsExactlyInAnyOrder(Garbage.UNUSED_NETWORK, Garbage.KEPT_NETWORK);
    assertThat(out.section(IMAGES)).contains("deleted: " + g.danglingImage).noneMatch(l -> l.startsWith("untagged"));
    assertThat(out.section(BUILD_CACHE)).isNotEmpty();
    assertThat(out.total()).isNotEqualTo("0B");
    assertThat(fx.buildCacheRecords()).isLessThan(cacheBefore);
    assertThat(fx.containerIds()).containsExactly(g.running);
    assertThat(fx.imageTags()).contains(Garbage.APP, Garbage.TOOL, Garbage.KEPT, Garbage.OLD, "demo/built:1");
    assertThat(fx.volumeNames()).as("volumes stay without --volumes").containsExactlyInAnyOrder(Garbage.USED_VOLUME,
        Garbage.STOPPED_VOLUME, Garbage.NAMED_VOLUME, Garbage.KEPT_VOLUME, g.anonymousVolume);
  }

  @Test
  void systemPruneVolumes() {
    CliRun run = iechor("y\n", "iechor system prune --volumes");

    Printed out = Printed.read(run.out(), prompt("""
        WARNING! This will remove:
                - all stopped containers
                - all networks not used by at least one container
                - %s
                - all dangling images
                - unused build cache

        Are you sure you want to continue?""".formatted(namedVolumesGoByDefault()
        ? "all volumes not used by at least one container"
        : "all anonymous volumes not used by at least one container")));
    assertThat(out.sections().keySet()).startsWith(CONTAINERS, NETWORKS);
    assertThat(fx.containerIds()).containsExactly(g.running);
    if (namedVolumesGoByDefault()) {
      // Containers go first, so the volume of the exited container is unused by the time volumes go.
      assertThat(out.section(VOLUMES)).containsExactlyInAnyOrder(Garbage.STOPPED_VOLUME, Garbage.NAMED_VOLUME,
          Garbage.KEPT_VOLUME, g.anonymousVolume);
      assertThat(fx.volumeNames()).containsExactly(Garbage.USED_VOLUME);
    }
    assertThat(fx.imageExists(g.danglingImage)).isFalse();
  }

  @Test
  void systemPruneUntil24h() {
    fx.buildWithCache("demo/built:1");
    int cacheBefore = fx.buildCacheRecords();

    CliRun run = iechor("y\n", "iechor system prune --filter \"until=24h\"");

    assertThat(run.out()).isEqualTo(prompt("""
        WARNING! This will remove:
                - all stopped containers
                - all networks not used by at least one container
                - all dangling images
                - unused build cache

                Items to be pruned will be filtered with:
                - until=24h

        Are you sure you want to continue?""") + "Total reclaimed space: 0B\n");
    assertThat(fx.containerIds()).hasSize(4);
    assertThat(fx.networkNames()).contains(Garbage.UNUSED_NETWORK, Garbage.KEPT_NETWORK);
    assertThat(fx.imageExists(g.danglingImage)).isTrue();
    assertThat(fx.buildCacheRecords()).isEqualTo(cacheBefore);
  }
}
