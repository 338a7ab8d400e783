package io.iechor.prune.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.iechor.prune.PruneClient;
import io.iechor.prune.Pruner;
import io.iechor.prune.report.SystemPruneReport;
import io.iechor.prune.testing.Fixtures;
import io.iechor.prune.testing.TestEngine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The example programs do what their Javadoc says, on a real engine holding {@link Garbage}. */
class ExampleProgramsIT {
  static TestEngine engine;
  Fixtures fx;
  Garbage g;
  PruneClient client;

  @BeforeAll
  static void startEngine() {
    engine = PrivateEngine.get();
  }

  @BeforeEach
  void makeGarbage() {
    g = Garbage.create(engine);
    fx = engine.fixtures();
    client = Pruner.connect(engine.unixEndpoint());
  }

  @AfterEach
  void closeClient() {
    client.close();
  }

  @Test
  void nightlyCleanupTakesOnlyWhatIsOlderThanADayAndNotKept() {
    String oldKept = fx.oldImage("demo/old-kept:1", Instant.parse("2020-01-01T00:00:00Z"), Garbage.KEEP);

    String summary = NightlyCiCleanup.clean(client, NightlyCiCleanup.MAX_AGE);

    assertThat(summary).startsWith("Removed 0 stopped containers and 1 image tags");
    assertThat(fx.imageExists(g.oldImage)).isFalse();
    assertThat(fx.imageExists(oldKept)).isTrue();
    assertThat(fx.imageTags()).contains(Garbage.APP, Garbage.TOOL, Garbage.KEPT);
    assertThat(fx.containerIds()).hasSize(4);
  }

  @Test
  void nightlyCleanupOfEverythingOldEnoughStillKeepsKeep() {
    // A cutoff an hour ahead makes every object old enough. Not zero: the engine rounds a relative
    // cutoff down to whole seconds, which would spare objects made in the current second.
    NightlyCiCleanup.clean(client, Duration.ofHours(-1));

    assertThat(fx.containerIds()).containsExactlyInAnyOrder(g.running, g.keptContainer);
    assertThat(fx.imageTags()).containsExactlyInAnyOrder(Garbage.APP, Garbage.KEPT);
    assertThat(fx.imageExists(g.danglingImage)).isFalse();
  }

  @Test
  void systemPruneWritesItsReportAsJson(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("report.json");

    SystemPruneReport report = SystemPruneToJson.prune(client, file);

    String json = Files.readString(file);
    assertThat(json).startsWith("{\n  \"containers\" : {").contains("\"" + g.exited + "\"",
        "\"reference\" : \"" + g.danglingImage + "\"", "\"spaceReclaimed\" : " + report.spaceReclaimed() + ",");
    assertThat(report.containers().deletedContainers()).containsExactlyInAnyOrder(g.exited, g.created,
        g.keptContainer);
    assertThat(fx.volumeNames()).contains(Garbage.NAMED_VOLUME);
  }

  @Test
  void testResourceCleanupTakesOnlyItsLabel() {
    String label = "test-run=42";
    String container = fx.container("t-exited").fromImage(Garbage.APP).withLabels(label).exited();
    String running = fx.container("t-running").fromImage(Garbage.APP).withLabels(label).running();
    fx.volume("t-vol", label);
    fx.network("t-net", label);
    String image = fx.image("demo/t:1", label);

    String summary = TestResourceCleanup.clean(client, "test-run", "42");

    assertThat(summary).isEqualTo("Removed 1 containers, 1 networks, 1 volumes and 1 image tags labelled test-run=42");
    assertThat(fx.containerExists(container)).isFalse();
    assertThat(fx.containerExists(running)).as("a test still running keeps its container").isTrue();
    assertThat(fx.volumeExists("t-vol")).isFalse();
    assertThat(fx.networkExists("t-net")).isFalse();
    assertThat(fx.imageExists(image)).isFalse();
    // Nothing without the label went.
    assertThat(fx.containerIds()).contains(g.exited, g.created, g.keptContainer);
    assertThat(fx.volumeNames()).contains(Garbage.NAMED_VOLUME, g.anonymousVolume);
    assertThat(fx.networkNames()).contains(Garbage.UNUSED_NETWORK);
    assertThat(fx.imageExists(g.danglingImage)).isTrue();
  }
}
