package io.iechor.prune.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.iechor.prune.ApiVersion;
import io.iechor.prune.InvalidFilterException;
import io.iechor.prune.PruneClient;
import io.iechor.prune.UnsupportedFeatureException;
import io.iechor.prune.report.BuildCachePruneReport;
import io.iechor.prune.report.ContainerPruneReport;
import io.iechor.prune.report.ImagePruneReport;
import io.iechor.prune.report.NetworkPruneReport;
import io.iechor.prune.report.SystemPruneReport;
import io.iechor.prune.report.VolumePruneReport;
import io.iechor.prune.testing.Fixtures;
import io.iechor.prune.testing.TestEngine;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every behaviour of the user guide, proven on a real engine by its state after the prune: what
 * went and what stayed. Subclasses choose the transport.
 *
 * <p>Each test labels its own objects with a label unique to the test and scopes the prune by it,
 * unless the behaviour under test is the unfiltered prune; then only a private engine is used, and
 * the assertions are about this test's objects.
 */
abstract class RealEngineBehaviour {
  static final String SCOPE = "iechor-it-scope";

  TestEngine engine;
  Fixtures fx;
  PruneClient client;
  String scope;

  abstract PruneClient connect(TestEngine engine);

  /** The engine under test; the JVM's shared private dockerd unless a subclass says otherwise. */
  TestEngine engine() {
    return TestEngine.shared();
  }

  @BeforeEach
  void setUp() {
    engine = engine();
    fx = engine.fixtures();
    client = connect(engine);
    scope = UUID.randomUUID().toString().substring(0, 12);
  }

  @AfterEach
  void tearDown() {
    client.close();
  }

  /** {@code key=value} for this test's scope label. */
  String scoped() {
    return SCOPE + "=" + scope;
  }

  ApiVersion api() {
    return client.engine().apiVersion();
  }

  // ------------------------------------------------------------------ containers

  @Test
  void containerPruneRemovesStoppedContainersAndKeepsRunningOnes() {
    String created = fx.container(fx.name("created")).withLabels(scoped()).created();
    String exited = fx.container(fx.name("exited")).withLabels(scoped()).exited();
    String running = fx.container(fx.name("running")).withLabels(scoped()).running();

    ContainerPruneReport r = client.containers().withLabel(SCOPE, scope).run();

    assertThat(r.deletedContainers()).containsExactlyInAnyOrder(created, exited);
    assertThat(fx.containerExists(created)).isFalse();
    assertThat(fx.containerExists(exited)).isFalse();
    assertThat(fx.containerExists(running)).isTrue();
    assertThat(r.engine().apiVersion()).isEqualTo(api());
  }

  @Test
  void containerPruneWithLabelRemovesOnlyMatchingContainers() {
    String ci = fx.container(fx.name("ci")).withLabels(scoped(), "env=ci").exited();
    String prod = fx.container(fx.name("prod")).withLabels(scoped(), "env=prod").exited();
    String plain = fx.container(fx.name("plain")).withLabels(scoped()).exited();

    ContainerPruneReport r = client.containers().withLabel(SCOPE, scope).withLabel("env", "ci").run();

    assertThat(r.deletedContainers()).containsExactly(ci);
    assertThat(fx.containerExists(prod)).isTrue();
    assertThat(fx.containerExists(plain)).isTrue();
  }

  @Test
  void containerPruneUntilKeepsContainersNewerThanTheCutoff() throws InterruptedException {
    String old = fx.container(fx.name("old")).withLabels(scoped()).exited();
    Thread.sleep(1500);
    Instant cutoff = Instant.now();
    Thread.sleep(1500);
    String recent = fx.container(fx.name("recent")).withLabels(scoped()).exited();

    ContainerPruneReport dayOld = client.containers().withLabel(SCOPE, scope).until(Duration.ofHours(24)).run();
    assertThat(dayOld.deletedContainers()).isEmpty();
    assertThat(fx.containerExists(old)).isTrue();

    ContainerPruneReport r = client.containers().withLabel(SCOPE, scope).until(cutoff).run();
    assertThat(r.deletedContainers()).containsExactly(old);
    assertThat(fx.containerExists(recent)).isTrue();
  }

  @Test
  void excludedLabelKeepsContainers() {
    String keep = fx.container(fx.name("keep")).withLabels(scoped(), "keep=yes").exited();
    String go = fx.container(fx.name("go")).withLabels(scoped()).exited();

    ContainerPruneReport r = client.containers().withLabel(SCOPE, scope).withoutLabel("keep").run();

    assertThat(r.deletedContainers()).containsExactly(go);
    assertThat(fx.containerExists(keep)).isTrue();
  }

  // ------------------------------------------------------------------ images

  @Test
  void imagePruneRemovesDanglingImagesOnly() {
    String tag = "iechor-it/dangling:" + scope;
    String dangling = fx.danglingImage(tag, scoped());
    String tagged = fx.image("iechor-it/tagged:" + scope, scoped());

    ImagePruneReport r = client.images().withLabel(SCOPE, scope).run();

    assertThat(fx.imageExists(dangling)).isFalse();
    assertThat(fx.imageExists(tagged)).isTrue();
    assertThat(fx.imageExists(tag)).isTrue();
    assertThat(r.deleted()).anyMatch(id -> sameImage(id, dangling));
    assertThat(r.untagged()).isEmpty();
    assertThat(r.spaceReclaimed()).isPositive();
  }

  @Test
  void imagePruneAllRemovesEveryUnusedImageAndKeepsImagesOfContainers() {
    String unused = "iechor-it/unused:" + scope;
    String unusedId = fx.image(unused, scoped());
    String forStopped = "iechor-it/stopped:" + scope;
    fx.image(forStopped, scoped());
    String forRunning = "iechor-it/running:" + scope;
    fx.image(forRunning, scoped());
    fx.container(fx.name("stopped")).fromImage(forStopped).withLabels(scoped()).exited();
    fx.container(fx.name("running")).fromImage(forRunning).withLabels(scoped()).running();

    ImagePruneReport r = client.images().all().withLabel(SCOPE, scope).run();

    assertThat(fx.imageExists(unused)).isFalse();
    assertThat(fx.imageExists(unusedId)).isFalse();
    assertThat(fx.imageExists(forStopped)).isTrue();
    assertThat(fx.imageExists(forRunning)).isTrue();
    assertThat(r.deleted()).anyMatch(id -> sameImage(id, unusedId));
    if (!client.engine().podman()) {
      assertThat(r.untagged()).contains(unused);
    }
  }

  @Test
  void imagePruneAllUntilRemovesOnlyImagesBuiltBeforeTheCutoff() {
    String old = "iechor-it/old:" + scope;
    String oldId = fx.oldImage(old, Instant.parse("2020-01-01T00:00:00Z"), scoped());
    String fresh = "iechor-it/fresh:" + scope;
    fx.image(fresh, scoped());

    ImagePruneReport r = client.images().all().until(Duration.ofHours(24)).withLabel(SCOPE, scope).run();

    assertThat(fx.imageExists(oldId)).isFalse();
    assertThat(fx.imageExists(fresh)).isTrue();
    assertThat(r.deleted()).anyMatch(id -> sameImage(id, oldId));
  }

  // ------------------------------------------------------------------ volumes

  @Test
  void volumePruneFollowsTheEngineDefaultForTheApiVersion() {
    String named = fx.volume(fx.name("named"), scoped());
    String anonymous = fx.anonymousVolume(scoped());
    String used = fx.volume(fx.name("used"), scoped());
    fx.container(fx.name("user")).withLabels(scoped()).withVolume(used, "/data").exited();

    VolumePruneReport r = client.volumes().withLabel(SCOPE, scope).run();

    boolean namedGoByDefault = api().isBelow(ApiVersion.of(1, 42)) || client.engine().podman();
    assertThat(fx.volumeExists(anonymous)).isFalse();
    assertThat(fx.volumeExists(named)).isEqualTo(!namedGoByDefault);
    assertThat(fx.volumeExists(used)).isTrue();
    assertThat(r.deletedVolumes()).contains(anonymous).doesNotContain(used);
  }

  @Test
  void volumePruneAllRemovesNamedVolumesOnEveryVersion() {
    String named = fx.volume(fx.name("named"), scoped());
    String used = fx.volume(fx.name("used"), scoped());
    fx.container(fx.name("user")).withLabels(scoped()).withVolume(used, "/data").created();

    VolumePruneReport r = client.volumes().all().withLabel(SCOPE, scope).run();

    assertThat(r.deletedVolumes()).containsExactly(named);
    assertThat(fx.volumeExists(named)).isFalse();
    assertThat(fx.volumeExists(used)).isTrue();
  }

  @Test
  void volumePruneWithoutLabelKeepKeepsLabelledVolumes() {
    String keep = fx.volume(fx.name("keep"), scoped(), "keep=true");
    String go = fx.volume(fx.name("go"), scoped());

    if (client.engine().podman()) {
      // Podman 4 refuses label! on volumes; the library says so before sending anything.
      assertThatThrownBy(() -> client.volumes().all().withLabel(SCOPE, scope).withoutLabel("keep").run())
          .isInstanceOf(UnsupportedFeatureException.class)
          .hasMessageContaining("label!");
      assertThat(fx.volumeExists(keep)).isTrue();
      assertThat(fx.volumeExists(go)).isTrue();
      return;
    }
    VolumePruneReport r = client.volumes().all().withLabel(SCOPE, scope).withoutLabel("keep").run();

    assertThat(r.deletedVolumes()).containsExactly(go);
    assertThat(fx.volumeExists(keep)).isTrue();
  }

  // ------------------------------------------------------------------ networks

  @Test
  void networkPruneRemovesUnusedNetworksAndKeepsNetworksOfRunningContainers() {
    String unused = fx.name("unused");
    fx.network(unused, scoped());
    String used = fx.name("used");
    fx.network(used, scoped());
    fx.container(fx.name("on-net")).withLabels(scoped()).onNetwork(used).running();

    NetworkPruneReport r = client.networks().withLabel(SCOPE, scope).run();

    assertThat(r.deletedNetworks()).containsExactly(unused);
    assertThat(r.reclaimedBytes()).isEmpty();
    assertThat(fx.networkExists(unused)).isFalse();
    assertThat(fx.networkExists(used)).isTrue();
  }

  @Test
  void networkPruneUntilInstantKeepsNewerNetworks() throws InterruptedException {
    String old = fx.name("old");
    fx.network(old, scoped());
    Thread.sleep(1500);
    Instant cutoff = Instant.now();
    Thread.sleep(1500);
    String recent = fx.name("recent");
    fx.network(recent, scoped());

    NetworkPruneReport r = client.networks().withLabel(SCOPE, scope).until(cutoff).run();

    assertThat(r.deletedNetworks()).containsExactly(old);
    assertThat(fx.networkExists(recent)).isTrue();
  }

  // ------------------------------------------------------------------ build cache

  @Test
  void buildCachePruneHonoursKeepStorageAndUntilThenAllRemovesEverything() {
    if (client.engine().podman()) {
      assertThatThrownBy(() -> client.buildCache().all().run())
          .isInstanceOf(UnsupportedFeatureException.class)
          .hasMessageContaining("build-cache prune");
      return;
    }
    fx.buildWithCache("iechor-it/built:" + scope);
    int before = fx.buildCacheRecords();
    assertThat(before).isPositive();

    BuildCachePruneReport kept = client.buildCache().all().keepStorage(Long.MAX_VALUE / 2).run();
    assertThat(kept.deletedCaches()).isEmpty();
    BuildCachePruneReport young = client.buildCache().all().until(Duration.ofHours(24)).run();
    assertThat(young.deletedCaches()).isEmpty();
    assertThat(fx.buildCacheRecords()).isEqualTo(before);

    if (!engine.isPrivate()) {
      return; // an engine shared with others: their build cache is not ours to remove
    }
    BuildCachePruneReport all = client.buildCache().all().run();
    assertThat(all.deletedCaches()).hasSizeGreaterThanOrEqualTo(before);
    assertThat(all.spaceReclaimed()).isPositive();
    assertThat(fx.buildCacheRecords()).isZero();
  }

  // ------------------------------------------------------------------ system

  @Test
  void systemPruneRemovesStoppedContainersUnusedNetworksAndDanglingImagesButNoVolumes() {
    String exited = fx.container(fx.name("exited")).withLabels(scoped()).exited();
    String running = fx.container(fx.name("running")).withLabels(scoped()).running();
    String net = fx.name("net");
    fx.network(net, scoped());
    String dangling = fx.danglingImage("iechor-it/sys-dangling:" + scope, scoped());
    String tagged = "iechor-it/sys-tagged:" + scope;
    fx.image(tagged, scoped());
    String volume = fx.volume(fx.name("vol"), scoped());

    SystemPruneReport r = client.system().withLabel(SCOPE, scope).run();

    assertThat(r.containers().deletedContainers()).containsExactly(exited);
    assertThat(r.networks().deletedNetworks()).containsExactly(net);
    assertThat(r.volumes()).isEmpty();
    assertThat(fx.containerExists(running)).isTrue();
    assertThat(fx.imageExists(dangling)).isFalse();
    assertThat(fx.imageExists(tagged)).isTrue();
    assertThat(fx.volumeExists(volume)).isTrue();
    // A label filter cannot match build cache, which has no labels: it is skipped, not wiped.
    assertThat(r.buildCache()).isEmpty();
    assertThat(r.buildCacheSkipped()).isPresent();
    assertThat(r.spaceReclaimed()).isEqualTo(r.containers().spaceReclaimed() + r.images().spaceReclaimed());
  }

  @Test
  void systemPruneAllWithVolumesRemovesUnusedImagesAndVolumes() {
    String exited = fx.container(fx.name("exited")).withLabels(scoped()).exited();
    String tagged = "iechor-it/sys-all:" + scope;
    fx.image(tagged, scoped());
    String anonymous = fx.anonymousVolume(scoped());

    SystemPruneReport r = client.system().all().withVolumes().withLabel(SCOPE, scope).run();

    assertThat(fx.containerExists(exited)).isFalse();
    assertThat(fx.imageExists(tagged)).isFalse();
    assertThat(fx.volumeExists(anonymous)).isFalse();
    assertThat(r.volumes()).isPresent();
    assertThat(r.volumes().get().deletedVolumes()).contains(anonymous);
  }

  @Test
  void untilWithVolumesIsRefusedBeforeAnythingIsRemoved() {
    String exited = fx.container(fx.name("exited")).withLabels(scoped()).exited();

    assertThatThrownBy(() -> client.system().withVolumes().until(Duration.ofSeconds(1)).withLabel(SCOPE, scope).run())
        .isInstanceOf(InvalidFilterException.class)
        .hasMessageContaining("until");
    assertThat(fx.containerExists(exited)).isTrue();
  }

  @Test
  void aBadFilterIsRefusedBeforeAnythingIsRemoved() {
    String exited = fx.container(fx.name("exited")).withLabels(scoped()).exited();

    assertThatThrownBy(() -> client.containers().withLabel(SCOPE, scope).filter("until=7d").run())
        .isInstanceOf(InvalidFilterException.class)
        .hasMessageContaining("168h");
    assertThat(fx.containerExists(exited)).isTrue();
  }

  /** Docker reports {@code sha256:<id>}; Podman bare IDs. */
  static boolean sameImage(String reported, String id) {
    return strip(reported).equals(strip(id));
  }

  private static String strip(String id) {
    return id.startsWith("sha256:") ? id.substring(7) : id;
  }
}
