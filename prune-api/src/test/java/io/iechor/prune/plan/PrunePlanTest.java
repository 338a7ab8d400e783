package io.iechor.prune.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.iechor.prune.ApiVersion;
import io.iechor.prune.EngineInfo;
import io.iechor.prune.ObjectKind;
import io.iechor.prune.spi.PruneEngine;
import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class PrunePlanTest {
  static final EngineInfo INFO = new EngineInfo("unix:///x.sock", ApiVersion.of(1, 41), ApiVersion.of(1, 41),
      "Docker/20.10.24+dfsg1 (linux)", false);
  static final Instant AT = Instant.parse("2026-12-03T17:00:00Z");

  private final AtomicReference<PrunePlan> applied = new AtomicReference<>();
  private final PruneEngine engine = (PruneEngine) Proxy.newProxyInstance(getClass().getClassLoader(),
      new Class<?>[] {PruneEngine.class}, (proxy, method, args) -> {
        if (method.getName().equals("apply")) {
          applied.set((PrunePlan) args[0]);
          return new ApplyResult(List.of(), INFO);
        }
        throw new AssertionError("unexpected " + method);
      });

  static PlannedRemoval removal(ObjectKind kind, String id, long size) {
    return new PlannedRemoval(kind, id, List.of(), size < 0 ? OptionalLong.empty() : OptionalLong.of(size),
        Optional.empty(), Optional.empty());
  }

  @Test
  void removalsComeInDependencyOrderKeepingTheOrderWithinAKind() {
    PrunePlan plan = new PrunePlan(engine, INFO, AT, List.of(
        removal(ObjectKind.BUILD_CACHE, "b1", 5), removal(ObjectKind.IMAGES, "child", 1),
        removal(ObjectKind.IMAGES, "parent", 2), removal(ObjectKind.VOLUMES, "v", 3),
        removal(ObjectKind.NETWORKS, "n", -1), removal(ObjectKind.CONTAINERS, "c", 0)), List.of());

    assertThat(plan.removals()).extracting(PlannedRemoval::id).containsExactly("c", "n", "v", "child", "parent", "b1");
    assertThat(plan.removals(ObjectKind.IMAGES)).extracting(PlannedRemoval::id).containsExactly("child", "parent");
  }

  @Test
  void theTotalCountsKnownSizesAndTheUnknownAreCountedApart() {
    PrunePlan plan = new PrunePlan(engine, INFO, AT, List.of(removal(ObjectKind.CONTAINERS, "c", 0),
        removal(ObjectKind.NETWORKS, "n", -1), removal(ObjectKind.IMAGES, "i", 1_000),
        removal(ObjectKind.IMAGES, "j", Long.MAX_VALUE)), List.of());

    assertThat(plan.totalSize()).isEqualTo(Long.MAX_VALUE);
    assertThat(plan.unknownSizes()).isEqualTo(1);
    assertThat(new PrunePlan(engine, INFO, AT, List.of(), List.of()).isEmpty()).isTrue();
  }

  @Test
  void equalPlansIgnoreTheClientTheyWillBeAppliedThrough() {
    PruneEngine other = (PruneEngine) Proxy.newProxyInstance(getClass().getClassLoader(),
        new Class<?>[] {PruneEngine.class}, (p, m, a) -> null);
    List<PlannedRemoval> r = List.of(removal(ObjectKind.VOLUMES, "v", 3));

    assertThat(new PrunePlan(engine, INFO, AT, r, List.of("note"))).isEqualTo(new PrunePlan(other, INFO, AT, r,
        List.of("note"))).hasSameHashCodeAs(new PrunePlan(other, INFO, AT, r, List.of("note")));
    assertThat(new PrunePlan(engine, INFO, AT, r, List.of())).isNotEqualTo(new PrunePlan(engine, INFO, AT.plusSeconds(1),
        r, List.of()));
    assertThat(new PrunePlan(engine, INFO, AT, r, List.of()).toString()).contains("1 objects", "totalSize=3");
  }

  @Test
  void applyGoesThroughTheEngineClient() {
    PrunePlan plan = new PrunePlan(engine, INFO, AT, List.of(), List.of());

    plan.apply();

    assertThat(applied).hasValue(plan);
  }

  @Test
  void aRemovalChecksItsParts() {
    assertThatThrownBy(() -> removal(ObjectKind.IMAGES, "", 1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new PlannedRemoval(ObjectKind.IMAGES, "i", List.of(), OptionalLong.of(-2), Optional.empty(),
        Optional.empty())).isInstanceOf(IllegalArgumentException.class);
    PlannedRemoval dangling = removal(ObjectKind.IMAGES, "sha256:abc", 1);
    assertThat(dangling.displayName()).isEqualTo("sha256:abc");
    PlannedRemoval named = new PlannedRemoval(ObjectKind.IMAGES, "sha256:abc", List.of("app:1", "app:latest"),
        OptionalLong.of(1), Optional.empty(), Optional.empty());
    assertThat(named.displayName()).isEqualTo("app:1");
  }

  @Test
  void outcomesSayWhatHappenedAndTheResultAddsUpTheBytes() {
    PlannedRemoval a = removal(ObjectKind.IMAGES, "a", 10);
    PlannedRemoval b = removal(ObjectKind.VOLUMES, "b", 5);
    PlannedRemoval c = removal(ObjectKind.NETWORKS, "c", -1);
    RemovalOutcome removed = RemovalOutcome.removed(a, a.size());
    RemovalOutcome skipped = RemovalOutcome.skipped(b, "it is in use now by container(s) [web]");
    RemovalOutcome failed = RemovalOutcome.failed(c, 409, "has active endpoints");
    ApplyResult result = new ApplyResult(List.of(removed, skipped, failed), INFO);

    assertThat(result.removed()).containsExactly(removed);
    assertThat(result.skipped()).containsExactly(skipped);
    assertThat(result.failed()).containsExactly(failed);
    assertThat(result.reclaimedBytes()).isEqualTo(10);
    assertThat(result.isComplete()).isFalse();
    assertThat(removed.reason()).isEmpty();
    assertThat(skipped.reclaimedBytes()).isEmpty();
    assertThat(failed.engineStatus()).hasValue(409);
    assertThat(skipped.engineStatus()).isEmpty();
    assertThat(failed.toString()).isEqualTo("FAILED network c: 409 has active endpoints");
    assertThat(RemovalOutcome.failed(c, 0, "connection refused").engineStatus()).isEmpty();
    assertThat(RemovalOutcome.skipped(b, "x")).isEqualTo(RemovalOutcome.skipped(b, "x"))
        .isNotEqualTo(RemovalOutcome.skipped(b, "y"));
    assertThatThrownBy(() -> RemovalOutcome.skipped(b, " ")).isInstanceOf(IllegalArgumentException.class);
    assertThat(new ApplyResult(List.of(removed), INFO).isComplete()).isTrue();
  }
}
