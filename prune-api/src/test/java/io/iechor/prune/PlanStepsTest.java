package io.iechor.prune;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.iechor.prune.plan.ApplyResult;
import io.iechor.prune.plan.PrunePlan;
import io.iechor.prune.report.BuildCachePruneReport;
import io.iechor.prune.report.ContainerPruneReport;
import io.iechor.prune.report.ImagePruneReport;
import io.iechor.prune.report.NetworkPruneReport;
import io.iechor.prune.report.SystemPruneReport;
import io.iechor.prune.report.VolumePruneReport;
import io.iechor.prune.spi.PlanRequest;
import io.iechor.prune.spi.PruneEngine;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** Each step's {@code plan()} asks the engine for exactly what its {@code run()} would prune. */
class PlanStepsTest {

  /** Records plan requests; a prune would be a mistake here. */
  static final class PlanningEngine implements PruneEngine {
    final List<PlanRequest> requests = new CopyOnWriteArrayList<>();

    @Override
    public EngineInfo info() {
      return RecordingEngine.INFO;
    }

    @Override
    public ContainerPruneReport pruneContainers(PruneFilters filters) {
      throw new AssertionError("a plan must not prune");
    }

    @Override
    public ImagePruneReport pruneImages(PruneFilters filters, boolean all) {
      throw new AssertionError("a plan must not prune");
    }

    @Override
    public VolumePruneReport pruneVolumes(PruneFilters filters, boolean all) {
      throw new AssertionError("a plan must not prune");
    }

    @Override
    public NetworkPruneReport pruneNetworks(PruneFilters filters) {
      throw new AssertionError("a plan must not prune");
    }

    @Override
    public BuildCachePruneReport pruneBuildCache(PruneFilters filters, boolean all, OptionalLong keepStorage) {
      throw new AssertionError("a plan must not prune");
    }

    @Override
    public SystemPruneReport pruneSystem(PruneFilters filters, boolean all, boolean volumes) {
      throw new AssertionError("a plan must not prune");
    }

    @Override
    public void close() {
    }

    @Override
    public PrunePlan plan(PlanRequest request) {
      requests.add(request);
      return new PrunePlan(this, RecordingEngine.INFO, Instant.EPOCH, List.of(), List.of());
    }

    @Override
    public ApplyResult apply(PrunePlan plan) {
      return new ApplyResult(List.of(), RecordingEngine.INFO);
    }
  }

  private final PlanningEngine engine = new PlanningEngine();
  private final PruneClient client = new PruneClient(() -> engine, () -> {
  });

  @Test
  void eachStepPlansItsOwnKindWithItsFilters() {
    client.containers().withLabel("env", "ci").until(Duration.ofHours(1)).plan();
    client.images().all().withoutLabel("keep").plan();
    client.volumes().all().withLabel("tmp").plan();
    client.networks().filter("until=24h").plan();
    client.buildCache().all().until(Duration.ofHours(2)).plan();

    assertThat(engine.requests).containsExactly(
        PlanRequest.containers(PruneFilters.none().withLabel(Label.of("env", "ci")).withUntil(Until.ago(
            Duration.ofHours(1)))),
        PlanRequest.images(PruneFilters.none().withoutLabel(Label.key("keep")), true),
        PlanRequest.volumes(PruneFilters.none().withLabel(Label.key("tmp")), true),
        PlanRequest.networks(PruneFilters.none().withUntil(Until.parse("24h"))),
        PlanRequest.buildCache(PruneFilters.none().withUntil(Until.ago(Duration.ofHours(2))), true));
  }

  @Test
  void aSystemPlanCoversTheKindsItsRunWouldAndAllNeverReachesVolumes() {
    client.system().all().withVolumes().plan();
    client.system().plan();

    PlanRequest withVolumes = engine.requests.get(0);
    assertThat(withVolumes.kinds()).containsExactlyInAnyOrder(ObjectKind.values());
    assertThat(withVolumes.allImages()).isTrue();
    assertThat(withVolumes.allBuildCache()).isTrue();
    assertThat(withVolumes.allVolumes()).isFalse();
    assertThat(withVolumes.isSystem()).isTrue();
    assertThat(engine.requests.get(1).kinds()).doesNotContain(ObjectKind.VOLUMES);
    assertThat(engine.requests.get(1).allImages()).isFalse();
  }

  @Test
  void aBuildCachePlanWithKeepStorageIsRefusedBeforeAnythingIsAsked() {
    assertThatThrownBy(() -> client.buildCache().keepStorage(1_000).plan())
        .isInstanceOf(UnsupportedFeatureException.class)
        .hasMessageContaining("storage limit");
    assertThat(engine.requests).isEmpty();
  }

  @Test
  void anEngineClientThatCannotPlanSaysSo() {
    RecordingEngine old = new RecordingEngine();
    PruneClient c = new PruneClient(() -> old, () -> {
    });

    assertThatThrownBy(() -> c.containers().plan()).isInstanceOf(UnsupportedOperationException.class);
    PrunePlan plan = new PrunePlan(old, RecordingEngine.INFO, Instant.EPOCH, List.of(), List.of());
    assertThatThrownBy(plan::apply).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void aPlanRequestNeedsAKind() {
    assertThatThrownBy(() -> new PlanRequest(Set.of(), PruneFilters.none(), false, false, false))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
