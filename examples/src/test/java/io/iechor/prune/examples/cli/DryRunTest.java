package io.iechor.prune.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.iechor.prune.ApiVersion;
import io.iechor.prune.EngineInfo;
import io.iechor.prune.ObjectKind;
import io.iechor.prune.plan.PlannedRemoval;
import io.iechor.prune.plan.PrunePlan;
import io.iechor.prune.spi.PruneEngine;
import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class DryRunTest {
  private static final EngineInfo INFO = new EngineInfo("unix:///x.sock", ApiVersion.of(1, 41), ApiVersion.of(1, 41),
      "Docker/20.10.24+dfsg1 (linux)", false);
  private static final PruneEngine NO_ENGINE = (PruneEngine) Proxy.newProxyInstance(DryRunTest.class.getClassLoader(),
      new Class<?>[] {PruneEngine.class}, (p, m, a) -> {
        throw new AssertionError("a dry run must not call the engine: " + m);
      });

  private static PlannedRemoval r(ObjectKind kind, String id, long size, String... names) {
    return new PlannedRemoval(kind, id, List.of(names), size < 0 ? OptionalLong.empty() : OptionalLong.of(size),
        Optional.empty(), Optional.empty());
  }

  private static PrunePlan plan(List<String> notes, PlannedRemoval... removals) {
    return new PrunePlan(NO_ENGINE, INFO, Instant.EPOCH, List.of(removals), notes);
  }

  @Test
  void sectionsInRemovalOrderWithAlignedColumnsAndTheTotal() {
    PrunePlan plan = plan(List.of("build cache left out: a label filter was given"),
        r(ObjectKind.IMAGES, "sha256:1f2d3c4b5a697887", 3_051_175),
        r(ObjectKind.IMAGES, "sha256:8e7d6c5b4a391111", 762_500, "demo/tool:1", "demo/tool:latest"),
        r(ObjectKind.IMAGES, "sha256:0000aaaabbbb2222", -1),
        r(ObjectKind.VOLUMES, "cache", 1_000, "cache"),
        r(ObjectKind.NETWORKS, "b09c40a5b99311", -1, "spare"),
        r(ObjectKind.CONTAINERS, "4f584858bb28abcdef", 0, "old-job"));

    assertThat(DryRun.text(plan, true)).isEqualTo("""
        Containers that would be removed:
          4f584858bb28  old-job  0B

        Networks that would be removed:
          b09c40a5b993  spare  -

        Volumes that would be removed:
          cache  1kB

        Images that would be removed:
          1f2d3c4b5a69  <none>                         3.051MB
          8e7d6c5b4a39  demo/tool:1, demo/tool:latest  762.5kB
          0000aaaabbbb  <none>                         -

        Note: build cache left out: a label filter was given
        Total reclaimable space: 3.815MB (and 1 object of unknown size)
        Dry run: nothing was removed.
        """);
  }

  @Test
  void anEmptyPlanAndANetworkPlanWithoutTotal() {
    assertThat(DryRun.text(plan(List.of()), true)).isEqualTo("""
        Nothing would be removed.
        Total reclaimable space: 0B
        Dry run: nothing was removed.
        """);
    assertThat(DryRun.text(plan(List.of(), r(ObjectKind.NETWORKS, "n1", -1, "spare")), false))
        .doesNotContain("Total").endsWith("Dry run: nothing was removed.\n");
  }

  @Test
  void jsonKeepsUnknownSizesNull() {
    String json = DryRun.json(plan(List.of(), r(ObjectKind.NETWORKS, "n1", -1, "spare"),
        r(ObjectKind.VOLUMES, "v", 5, "v")));

    assertThat(json).contains("\"dryRun\" : true", "\"kind\" : \"network\"", "\"size\" : null", "\"size\" : 5",
        "\"totalSize\" : 5", "\"unknownSizes\" : 1", "\"apiVersion\" : \"1.41\"").endsWith("}\n");
  }
}
