package io.iechor.prune.it;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * The guide's commands and filters as differential cases: plan on set A, the engine's prune on set
 * B, apply on A (see {@link PlanDifferential}). Every step is scoped by its set's label, so the
 * engine-wide objects of other tests are never in scope.
 */
abstract class PlanDifferentialCases extends PlanDifferential {

  // ------------------------------------------------------------------ images

  @Test
  void imagePruneTakesDanglingImagesNotThoseAContainerUses() {
    differential(s -> {
      s.dangling("dangling");
      s.image("tagged");
      String tag = s.tag("dangling-used");
      s.imageAs(tag, "dangling-used");
      s.container("user").fromImage(tag).exited();
      s.imageAs(tag, "dangling-used-current");
    }, c -> step(c.client().images().withLabel(c.set().key(), c.set().value())),
        roles("image:dangling"));
  }

  @Test
  void imagePruneAlsoTakesTheUntaggedParentItFrees() {
    differential(s -> {
      String tag = s.built("child", fx.baseImage());
      s.imageAs(tag, "child-current");
    }, c -> step(c.client().images().withLabel(c.set().key(), c.set().value())),
        roles("image:child", "image:child-layer"));
  }

  @Test
  void imagePruneAllTakesEveryImageNoContainerUses() {
    differential(s -> {
      s.dangling("dangling");
      s.image("tagged");
      String twoTags = s.image("two-tags");
      engine.cli().run("tag", twoTags, s.tag("two-tags-alias"));
      s.container("stopped").fromImage(s.image("for-stopped")).exited();
      s.container("running").fromImage(s.image("for-running")).running();
    }, c -> step(c.client().images().all().withLabel(c.set().key(), c.set().value())),
        roles("image:dangling", "image:dangling-current", "image:tagged", "image:two-tags"));
  }

  @Test
  void imagePruneAllUntil24hComparesTheBuildTime() {
    differential(s -> {
      s.oldImage("built-2020", Instant.parse("2020-01-01T00:00:00Z"));
      s.image("built-now");
    }, c -> step(c.client().images().all().until(Duration.ofHours(24)).withLabel(c.set().key(), c.set().value())),
        roles("image:built-2020"));
  }

  // ------------------------------------------------------------------ containers

  @Test
  void containerPruneTakesStoppedAndCreatedContainers() {
    differential(s -> {
      s.container("created").created();
      s.container("exited").exited();
      s.container("running").running();
    }, c -> step(c.client().containers().withLabel(c.set().key(), c.set().value())),
        roles("container:created", "container:exited"));
  }

  @Test
  void containerPruneUntilComparesTheCreationTime() {
    differential(s -> {
      s.container("old-exited").exited();
      s.container("old-created").created();
    }, s -> s.container("new-exited").exited(),
        c -> step(c.client().containers().until(c.cutoff()).withLabel(c.set().key(), c.set().value())),
        roles("container:old-created", "container:old-exited"));
  }

  @Test
  void containerPruneWithLabelAndExcludedLabel() {
    differential(s -> {
      s.container("ci", "env=ci").exited();
      s.container("ci-keep", "env=ci", "keep=yes").exited();
      s.container("prod", "env=prod").exited();
    }, c -> step(c.client().containers().withLabel(c.set().key(), c.set().value()).withLabel("env", "ci")
            .withoutLabel("keep")),
        roles("container:ci"));
  }

  @Test
  void containerPruneLabelsAreAnded() {
    differential(s -> {
      s.container("ci", "env=ci").exited();
      s.container("web", "tier=web").exited();
      s.container("ci-web", "env=ci", "tier=web").exited();
    }, c -> step(c.client().containers().withLabel(c.set().key(), c.set().value()).withLabel("env", "ci")
            .withLabel("tier", "web")),
        roles("container:ci-web"));
  }

  // ------------------------------------------------------------------ volumes

  @Test
  void volumePruneFollowsTheEnginesDefaultScope() {
    differential(s -> {
      s.volume("named");
      s.anonymousVolume("anonymous");
      String used = s.volume("used");
      s.container("user").withVolume(used, "/data").exited();
    }, c -> step(c.client().volumes().withLabel(c.set().key(), c.set().value())),
        is(Engine.DOCKER_26) ? roles("volume:anonymous") : roles("volume:anonymous", "volume:named"));
  }

  @Test
  void volumePruneAllTakesNamedVolumesEverywhere() {
    differential(s -> {
      s.volume("named");
      s.anonymousVolume("anonymous");
      String used = s.volume("used");
      s.container("user").withVolume(used, "/data").created();
    }, c -> step(c.client().volumes().all().withLabel(c.set().key(), c.set().value())),
        roles("volume:anonymous", "volume:named"));
  }

  @Test
  void volumePruneWithoutLabelKeep() {
    if (is(Engine.PODMAN)) {
      // Podman 4 refuses label! on volumes: the plan refuses it as the prune does.
      bothRefuse(s -> s.volume("keep", "keep=yes"),
          c -> step(c.client().volumes().withLabel(c.set().key(), c.set().value()).withoutLabel("keep")), "label!");
      return;
    }
    differential(s -> {
      s.volume("named");
      s.volume("named-keep", "keep=yes");
      s.anonymousVolume("anonymous");
      s.anonymousVolume("anonymous-keep", "keep=yes");
    }, c -> step(c.client().volumes().withLabel(c.set().key(), c.set().value()).withoutLabel("keep")),
        is(Engine.DOCKER_26) ? roles("volume:anonymous") : roles("volume:anonymous", "volume:named"));
  }

  // ------------------------------------------------------------------ networks

  @Test
  void networkPruneKeepsNetworksInUseByTheEnginesRule() {
    differential(s -> {
      s.network("unused");
      s.container("on-running").onNetwork(s.network("running")).running();
      s.container("on-stopped").onNetwork(s.network("stopped")).exited();
    }, c -> step(c.client().networks().withLabel(c.set().key(), c.set().value())),
        // Docker counts only endpoints of running containers; Podman any container.
        is(Engine.PODMAN) ? roles("network:unused") : roles("network:stopped", "network:unused"));
  }

  @Test
  void networkPruneUntilComparesTheCreationTime() {
    differential(s -> s.network("old"), s -> s.network("new"),
        c -> step(c.client().networks().until(c.cutoff()).withLabel(c.set().key(), c.set().value())),
        roles("network:old"));
  }

  @Test
  void networkPruneExcludedLabelsKeepOnlyWhatMatchesAllOfThem() {
    differential(s -> {
      s.network("ci", "env=ci");
      s.network("keep", "keep=yes");
      s.network("ci-keep", "env=ci", "keep=yes");
      s.network("plain");
    }, c -> step(c.client().networks().withLabel(c.set().key(), c.set().value()).withoutLabel("env", "ci")
            .withoutLabel("keep")),
        roles("network:ci", "network:keep", "network:plain"));
  }

  // ------------------------------------------------------------------ system

  @Test
  void systemPruneCountsEachKindAfterTheContainersGo() {
    differential(s -> {
      String tag = s.tag("exited-image");
      s.imageAs(tag, "exited-image");
      s.container("exited").fromImage(tag).exited();
      s.imageAs(tag, "exited-image-current");
      s.dangling("dangling");
      s.container("running").running();
      s.network("unused");
      s.volume("named");
    }, c -> step(c.client().system().withLabel(c.set().key(), c.set().value())),
        // The image only the exited container used is dangling, and unused once the container goes.
        roles("container:exited", "image:dangling", "image:exited-image", "network:unused"));
  }

  @Test
  void systemPruneWithVolumes() {
    differential(PlanDifferentialCases::volumesOfContainers,
        c -> step(c.client().system().withVolumes().withLabel(c.set().key(), c.set().value())),
        is(Engine.DOCKER_26)
            ? roles("container:exited", "volume:anonymous", "volume:anonymous-of-exited")
            : roles("container:exited", "volume:anonymous", "volume:anonymous-of-exited", "volume:named",
                "volume:named-of-exited"));
  }

  @Test
  void systemPruneAllWithVolumesReachesImagesButNotNamedVolumes() {
    differential(s -> {
      volumesOfContainers(s);
      s.image("tagged");
      s.container("exited-with-image").fromImage(s.image("of-exited")).exited();
      s.container("running-with-image").fromImage(s.image("of-running")).running();
    }, c -> step(c.client().system().all().withVolumes().withLabel(c.set().key(), c.set().value())),
        is(Engine.DOCKER_26)
            ? roles("container:exited", "container:exited-with-image", "image:of-exited", "image:tagged",
                "volume:anonymous", "volume:anonymous-of-exited")
            : roles("container:exited", "container:exited-with-image", "image:of-exited", "image:tagged",
                "volume:anonymous", "volume:anonymous-of-exited", "volume:named", "volume:named-of-exited"));
  }

  /** Named and anonymous volumes: unused, used by an exited container, used by a running one. */
  static void volumesOfContainers(PlanFixtureSet s) {
    s.volume("named");
    s.anonymousVolume("anonymous");
    String named = s.volume("named-of-exited");
    String anonymous = s.anonymousVolume("anonymous-of-exited");
    s.container("exited").withVolume(named, "/a").withVolume(anonymous, "/b").exited();
    s.container("running").withVolume(s.volume("of-running"), "/c").running();
  }
}
