package io.iechor.prune.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.iechor.prune.ObjectKind;
import io.iechor.prune.UnsupportedFeatureException;
import io.iechor.prune.plan.ApplyResult;
import io.iechor.prune.plan.PlannedRemoval;
import io.iechor.prune.plan.PrunePlan;
import io.iechor.prune.plan.RemovalOutcome;
import io.iechor.prune.report.BuildCachePruneReport;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * What apply does when the engine changed after the plan: an object put into use, retagged,
 * recreated or removed meanwhile survives (or stays gone) and is reported SKIPPED with the reason;
 * an engine refusal is a FAILED outcome. And build cache, which has no labels to split into two
 * sets: there the plan is compared with the engine's prune of the same records.
 */
abstract class PlanApplyChecks extends PlanDifferentialCases {

  PlanFixtureSet set() {
    return new PlanFixtureSet(fx, engine.cli(), scope + "-r");
  }

  @Test
  void anImageUsedByANewContainerSurvivesApply() {
    PlanFixtureSet s = set();
    String tag = s.image("tagged");
    PrunePlan plan = client.images().all().withLabel(s.key(), s.value()).plan();
    assertThat(plan.removals()).hasSize(1);

    s.container("late-user").fromImage(tag).created();
    RemovalOutcome o = plan.apply().outcomes().get(0);

    assertThat(o.status()).isEqualTo(RemovalOutcome.Status.SKIPPED);
    assertThat(o.reason()).get().asString().contains("used now by container");
    assertThat(fx.imageExists(tag)).isTrue();
  }

  @Test
  void aNetworkAttachedAfterThePlanSurvivesApply() {
    PlanFixtureSet s = set();
    String net = s.network("unused");
    PrunePlan plan = client.networks().withLabel(s.key(), s.value()).plan();
    assertThat(plan.removals()).extracting(PlannedRemoval::names).containsExactly(List.of(net));

    s.container("late-user").onNetwork(net).running();
    RemovalOutcome o = plan.apply().outcomes().get(0);

    assertThat(o.status()).isEqualTo(RemovalOutcome.Status.SKIPPED);
    assertThat(o.reason()).get().asString().contains("in use now");
    assertThat(fx.networkExists(net)).isTrue();
  }

  @Test
  void aVolumeMountedAfterThePlanSurvivesApply() {
    PlanFixtureSet s = set();
    String volume = s.volume("named");
    PrunePlan plan = client.volumes().all().withLabel(s.key(), s.value()).plan();
    assertThat(plan.removals()).extracting(PlannedRemoval::id).containsExactly(volume);

    s.container("late-user").withVolume(volume, "/data").created();
    RemovalOutcome o = plan.apply().outcomes().get(0);

    assertThat(o.status()).isEqualTo(RemovalOutcome.Status.SKIPPED);
    assertThat(o.reason()).get().asString().contains("in use now");
    assertThat(fx.volumeExists(volume)).isTrue();
  }

  @Test
  void aDanglingImageTaggedAfterThePlanSurvivesApply() {
    PlanFixtureSet s = set();
    String tag = s.tag("dangling");
    String id = s.imageAs(tag, "dangling");
    s.imageAs(tag, "current");
    PrunePlan plan = client.images().withLabel(s.key(), s.value()).plan();
    assertThat(plan.removals()).extracting(PlannedRemoval::id).containsExactly(id);

    String rescue = s.tag("rescued");
    engine.cli().run("tag", id, rescue);
    RemovalOutcome o = plan.apply().outcomes().get(0);

    assertThat(o.status()).isEqualTo(RemovalOutcome.Status.SKIPPED);
    assertThat(o.reason()).get().asString().contains("tagged").contains("rescued");
    assertThat(fx.imageExists(rescue)).isTrue();
  }

  @Test
  void aVolumeRecreatedUnderTheSameNameSurvivesApply() {
    PlanFixtureSet s = set();
    String volume = s.volume("named");
    PrunePlan plan = client.volumes().all().withLabel(s.key(), s.value()).plan();
    assertThat(plan.removals()).extracting(PlannedRemoval::id).containsExactly(volume);

    engine.cli().run("volume", "rm", volume);
    sleep(Duration.ofMillis(1100)); // the engine keeps a volume's creation time to the second
    engine.cli().run("volume", "create", "--label", s.label(), volume);
    RemovalOutcome o = plan.apply().outcomes().get(0);

    assertThat(o.status()).isEqualTo(RemovalOutcome.Status.SKIPPED);
    assertThat(o.reason()).get().asString().contains("recreated");
    assertThat(fx.volumeExists(volume)).isTrue();
  }

  @Test
  void aNetworkRecreatedUnderTheSameNameSurvivesApply() {
    PlanFixtureSet s = set();
    String net = s.network("unused");
    PrunePlan plan = client.networks().withLabel(s.key(), s.value()).plan();
    assertThat(plan.removals()).hasSize(1);

    engine.cli().run("network", "rm", net);
    engine.cli().run("network", "create", "--label", s.label(), net);
    RemovalOutcome o = plan.apply().outcomes().get(0);

    // Docker gives the new network a new ID; Podman derives it from the name, so the time tells.
    assertThat(o.status()).isEqualTo(RemovalOutcome.Status.SKIPPED);
    assertThat(o.reason()).get().asString().containsAnyOf("recreated", "no longer exists");
    assertThat(fx.networkExists(net)).isTrue();
  }

  @Test
  void aContainerStartedAfterThePlanSurvivesApplyAndOneRemovedMeanwhileIsSkipped() {
    PlanFixtureSet s = set();
    // Created with a long sleep, so that starting it after the plan leaves it running.
    String started = engine.cli().run("create", "--label", s.label(), "--label", engine.runLabel(), "--network",
        "none", fx.baseImage(), "/sleeper", "86400");
    String removed = s.container("exited").exited();
    PrunePlan plan = client.containers().withLabel(s.key(), s.value()).plan();
    assertThat(plan.removals()).extracting(PlannedRemoval::id).containsExactlyInAnyOrder(started, removed);

    engine.cli().run("start", started);
    engine.cli().run("rm", removed);
    ApplyResult result = plan.apply();

    assertThat(result.removed()).isEmpty();
    assertThat(result.skipped()).extracting(o -> o.removal().id() + " " + o.reason().orElseThrow())
        .anyMatch(t -> t.startsWith(started) && t.contains("running"))
        .anyMatch(t -> t.startsWith(removed) && t.contains("no longer exists"));
    assertThat(fx.containerExists(started)).isTrue();
  }

  @Test
  void anEngineRefusalIsAFailedOutcomeAndApplyGoesOn() {
    PlanFixtureSet s = set();
    String tag = s.tag("parent");
    String image = s.imageAs(tag, "parent");
    String volume = s.anonymousVolume("unused");
    String holder = s.container("holder").exited();
    PrunePlan plan = client.system().all().withVolumes().withLabel(s.key(), s.value()).plan();
    assertThat(ids(plan)).containsExactlyInAnyOrder(holder, image, volume);

    // Made after the plan, outside it, and invisible to the checks before each removal: Docker
    // refuses to delete an image another image is built on; Podman refuses to delete a container
    // another one shares a namespace with (Podman does delete such a parent image).
    String refused;
    if (is(Engine.PODMAN)) {
      engine.cli().run("create", "--label", engine.runLabel(), "--network", "container:" + holder, fx.baseImage());
      refused = holder;
    } else {
      s.built("child", tag);
      refused = image;
    }
    ApplyResult result = plan.apply();

    assertThat(result.failed()).as(result.toString()).hasSize(1);
    RemovalOutcome failed = result.failed().get(0);
    assertThat(failed.removal().id()).isEqualTo(refused);
    assertThat(failed.engineStatus()).isPresent();
    assertThat(failed.reason()).get().asString().isNotBlank();
    assertThat(result.removed()).hasSize(2);
    assertThat(fx.volumeExists(volume)).isFalse();
    assertThat(is(Engine.PODMAN) ? fx.containerExists(holder) : fx.imageExists(image)).isTrue();
  }

  // ------------------------------------------------------------------ build cache

  @Test
  void buildCachePlanEqualsTheEnginesBuildPruneAndApplyRemovesIt() {
    if (is(Engine.PODMAN)) {
      assertThatThrownBy(() -> client.buildCache().plan()).isInstanceOf(UnsupportedFeatureException.class);
      assertThat(client.system().plan().notes()).anyMatch(n -> n.contains("build cache"));
      return;
    }
    // Build cache is engine-wide and unlabelled: compare on one set of records, on a private engine.
    assertThat(engine.isPrivate()).as("build-cache tests prune the whole engine").isTrue();
    fx.buildWithCache(fx.name("iechor-plan/built") + ":1");
    PrunePlan plan = client.buildCache().all().plan();
    assertThat(plan.removals()).isNotEmpty().allMatch(r -> r.kind() == ObjectKind.BUILD_CACHE);
    BuildCachePruneReport report = client.buildCache().all().run();
    assertThat(ids(plan)).isEqualTo(new TreeSet<>(report.deletedCaches()));

    fx.buildWithCache(fx.name("iechor-plan/built") + ":1");
    PrunePlan unshared = client.buildCache().plan();
    assertThat(unshared.removals()).isNotEmpty();
    ApplyResult result = unshared.apply();
    assertThat(result.outcomes()).as(result.toString()).allMatch(o -> o.status() == RemovalOutcome.Status.REMOVED);
    assertThat(client.buildCache().plan().removals()).isEmpty();
    assertThat(client.buildCache().all().plan().removals()).isNotEmpty(); // the shared records stayed
    assertThat(result.reclaimedBytes()).isEqualTo(unshared.totalSize());
  }

  private static Set<String> ids(PrunePlan plan) {
    return plan.removals().stream().map(PlannedRemoval::id).collect(Collectors.toCollection(TreeSet::new));
  }
}
