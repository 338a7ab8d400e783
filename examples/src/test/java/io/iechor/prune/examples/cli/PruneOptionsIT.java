package io.iechor.prune.examples.cli;

import static io.iechor.prune.examples.cli.GuideCommandsIT.BUILD_CACHE;
import static io.iechor.prune.examples.cli.GuideCommandsIT.CONTAINERS;
import static io.iechor.prune.examples.cli.GuideCommandsIT.IMAGES;
import static io.iechor.prune.examples.cli.GuideCommandsIT.NETWORKS;
import static io.iechor.prune.examples.cli.GuideCommandsIT.VOLUMES;
import static org.assertj.core.api.Assertions.assertThat;

import io.iechor.prune.examples.Garbage;
import io.iechor.prune.examples.PrivateEngine;
import io.iechor.prune.testing.Fixtures;
import io.iechor.prune.testing.TestEngine;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The options beyond the guide's examples, on a real engine: {@code -f}, label filters with
 * {@code -a}, an absolute {@code until}, {@code builder prune} with {@code -a} and
 * {@code --keep-storage}, {@code --format json}, and a {@code Y} typed with blanks around it.
 */
class PruneOptionsIT {
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

  static CliRun iechor(String answer, String... words) {
    CliRun run = CliRun.on(engine.unixEndpoint(), answer, words);
    assertThat(run.err()).isEmpty();
    assertThat(run.status()).isZero();
    return run;
  }

  @Test
  void forceSkipsThePrompt() {
    CliRun run = iechor("", "container", "prune", "-f");

    Printed out = Printed.read(run.out(), "");
    assertThat(out.section(CONTAINERS)).containsExactlyInAnyOrder(g.exited, g.created, g.keptContainer);
    assertThat(fx.containerIds()).containsExactly(g.running);
  }

  @Test
  void upperCaseYWithBlanksConfirms() {
    iechor("  Y \n", "network", "prune");

    assertThat(fx.networkNames()).doesNotContain(Garbage.UNUSED_NETWORK);
  }

  @Test
  void imagePruneAllWithoutKeep() {
    CliRun run = iechor("", "image", "prune", "-a", "-f", "--filter", "label!=keep");

    assertThat(Printed.read(run.out(), "").section(IMAGES)).doesNotContain("untagged: " + Garbage.KEPT);
    assertThat(fx.imageTags()).containsExactlyInAnyOrder(Garbage.APP, Garbage.KEPT);
  }

  @Test
  void anAbsoluteUntilInTheFutureTakesEverythingStopped() {
    CliRun run = iechor("", "container", "prune", "--force", "--filter", "until=2099-01-01T00:00:00Z");

    assertThat(Printed.read(run.out(), "").section(CONTAINERS)).hasSize(3);
    assertThat(fx.containerIds()).containsExactly(g.running);
  }

  @Test
  void labelFiltersPickWhatGoes() {
    iechor("", "container", "prune", "-f", "--filter", "label=keep");

    assertThat(fx.containerIds()).containsExactlyInAnyOrder(g.running, g.exited, g.created);
  }

  @Test
  void systemPruneAllWithVolumesKeepsWhatIsLabelledKeep() {
    fx.buildWithCache("demo/built:1");

    CliRun run = iechor("y\n", "system", "prune", "-a", "--volumes", "--filter", "label!=keep");

    Printed out = Printed.read(run.out(), Prompts.system(
        Prompts.systemItems(true, !Garbage.namedVolumesGoByDefault(engine), true, true), List.of("label!=keep"))
        + " [y/N] ");
    assertThat(out.sections().keySet()).containsExactly(CONTAINERS, NETWORKS, VOLUMES, IMAGES, BUILD_CACHE);
    assertThat(fx.containerIds()).containsExactlyInAnyOrder(g.running, g.keptContainer);
    assertThat(fx.networkNames()).contains(Garbage.USED_NETWORK, Garbage.KEPT_NETWORK)
        .doesNotContain(Garbage.UNUSED_NETWORK);
    assertThat(fx.imageTags()).containsExactlyInAnyOrder(Garbage.APP, Garbage.KEPT);
    assertThat(fx.volumeNames()).contains(Garbage.KEPT_VOLUME, Garbage.USED_VOLUME);
    assertThat(fx.buildCacheRecords()).isZero();
  }

  @Test
  void systemPruneWithALabelLeavesTheBuildCacheAlone() {
    fx.buildWithCache("demo/built:1");
    int cache = fx.buildCacheRecords();

    CliRun run = iechor("y\n", "system", "prune", "-a", "--filter", "label=keep");

    assertThat(run.out()).startsWith("""
        WARNING! This will remove:
                - all stopped containers
                - all networks not used by at least one container
                - all images without at least one container associated to them

                Items to be pruned will be filtered with:
                - label=keep

        Are you sure you want to continue? [y/N]\s""");
    assertThat(Printed.read(run.out().substring(run.out().indexOf("[y/N] ") + 6), "").sections())
        .doesNotContainKey(BUILD_CACHE);
    assertThat(fx.buildCacheRecords()).isEqualTo(cache);
    assertThat(fx.containerIds()).doesNotContain(g.keptContainer).contains(g.exited);
  }

  @Test
  void builderPruneKeepStorageKeepsSmallCache() {
    fx.buildWithCache("demo/built:1");
    int cache = fx.buildCacheRecords();

    CliRun run = iechor("", "builder", "prune", "-a", "-f", "--keep-storage", "10GB");

    assertThat(run.out()).isEqualTo("Total reclaimed space: 0B\n");
    assertThat(fx.buildCacheRecords()).isEqualTo(cache).isPositive();
  }

  @Test
  void builderPruneAll() {
    fx.buildWithCache("demo/built:1");

    CliRun run = iechor("y\n", "builder", "prune", "-a");

    Printed out = Printed.read(run.out(), """
        WARNING! This will remove all build cache.
        Are you sure you want to continue? [y/N]\s""");
    assertThat(out.section(BUILD_CACHE)).isNotEmpty();
    assertThat(out.total()).isNotEqualTo("0B");
    assertThat(fx.buildCacheRecords()).isZero();
    assertThat(fx.imageTags()).contains("demo/built:1");
  }

  @Test
  void jsonReportForScripts() {
    CliRun containers = iechor("", "container", "prune", "-f", "--format", "json");
    CliRun networks = iechor("", "network", "prune", "-f", "--format=json");

    assertThat(containers.out()).startsWith("{\n  \"deletedContainers\" : [ ")
        .contains("\"" + g.exited + "\"", "\"" + g.created + "\"", "\"spaceReclaimed\" : ",
            "\"endpoint\" : \"" + engine.unixEndpoint() + "\"", "\"apiVersion\" : \"")
        .endsWith("}\n");
    assertThat(networks.out()).contains("\"deletedNetworks\" : [ ", "\"" + Garbage.UNUSED_NETWORK + "\"")
        .doesNotContain("spaceReclaimed");
  }

  @Test
  void jsonReportOfASystemPruneAfterThePrompt() {
    CliRun run = CliRun.on(engine.unixEndpoint(), "y\n", "system", "prune", "--format", "json");

    assertThat(run.status()).isZero();
    assertThat(run.err()).startsWith("WARNING! This will remove:\n").endsWith("[y/N] ");
    assertThat(run.out()).startsWith("{\n  \"containers\" : {\n    \"deletedContainers\" : [ ")
        .contains("\"volumes\" : null", "\"deleted\"", "\"buildCacheSkipped\" : null")
        .endsWith("}\n");
    assertThat(fx.imageExists(g.danglingImage)).isFalse();
  }
}
