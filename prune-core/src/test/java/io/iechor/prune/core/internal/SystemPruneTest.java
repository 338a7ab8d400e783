package io.iechor.prune.core.internal;

import static io.iechor.prune.core.internal.FakeEngine.filters;
import static io.iechor.prune.core.internal.FakeEngine.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.iechor.prune.FilterParser;
import io.iechor.prune.InvalidFilterException;
import io.iechor.prune.PruneFilters;
import io.iechor.prune.PruneInProgressException;
import io.iechor.prune.UnsupportedFeatureException;
import io.iechor.prune.report.SystemPruneReport;
import java.util.List;
import java.util.Map;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A system prune: the sub-prunes, their order, their filters, and what is skipped or refused. */
class SystemPruneTest {
  private FakeEngine engine;

  @AfterEach
  void stop() {
    if (engine != null) {
      engine.close();
    }
  }

  private static PruneFilters f(String... expressions) {
    return FilterParser.parseForSystem(List.of(expressions));
  }

  /** Answers for containers, networks, (volumes,) images and build cache, as Docker 20.10 gave them. */
  private FakeEngine dockerAnswering(String version, boolean volumes) {
    engine = FakeEngine.docker(version)
        .answerRecorded("docker-20.10.24/containers-prune.json")
        .answerRecorded("docker-20.10.24/networks-prune.json");
    if (volumes) {
      engine.answerRecorded("docker-20.10.24/volumes-prune.json");
    }
    return engine.answerRecorded("docker-20.10.24/images-prune-dangling.json")
        .answerRecorded("docker-20.10.24/build-prune.json");
  }

  @Test
  void prunesEachKindInTheCliOrder() {
    dockerAnswering("1.41", false);

    SystemPruneReport r = engine.client().pruneSystem(PruneFilters.none(), false, false);

    assertThat(engine.pruneRequestLines()).containsExactly(
        "POST /v1.41/containers/prune",
        "POST /v1.41/networks/prune",
        "POST /v1.41/images/prune",
        "POST /v1.41/build/prune");
    List<RecordedRequest> sent = engine.pruneRequests();
    assertThat(filters(sent.get(0))).isNull();
    assertThat(filters(sent.get(1))).isNull();
    assertThat(filters(sent.get(2))).isEqualTo(Map.of("dangling", Map.of("true", true)));
    assertThat(sent.get(3).getUrl().querySize()).isZero();
    assertThat(r.volumes()).isEmpty();
    assertThat(r.buildCacheSkipped()).isEmpty();
    assertThat(r.containers().deletedContainers()).hasSize(14);
    assertThat(r.networks().deletedNetworks()).hasSize(7);
    assertThat(r.images().deleted()).hasSize(8);
    assertThat(r.buildCache().orElseThrow().deletedCaches()).hasSize(3);
    assertThat(r.spaceReclaimed()).isEqualTo(0 + 3_051_175 + 762_880);
  }

  @Test
  void volumesComeAfterNetworksAndAllDoesNotReachThem() {
    dockerAnswering("1.42", true);

    SystemPruneReport r = engine.client().pruneSystem(PruneFilters.none(), true, true);

    assertThat(engine.pruneRequestLines()).containsExactly(
        "POST /v1.42/containers/prune",
        "POST /v1.42/networks/prune",
        "POST /v1.42/volumes/prune",
        "POST /v1.42/images/prune",
        "POST /v1.42/build/prune");
    List<RecordedRequest> sent = engine.pruneRequests();
    assertThat(filters(sent.get(2))).as("no all for volumes, as in the CLI").isNull();
    assertThat(filters(sent.get(3))).isEqualTo(Map.of("dangling", Map.of("false", true)));
    assertThat(options(sent.get(4))).isEqualTo(Map.of("all", "1"));
    assertThat(r.volumes().orElseThrow().deletedVolumes()).hasSize(7);
  }

  @Test
  void docker26EverythingWithVolumes() {
    engine = FakeEngine.docker26()
        .answerRecorded("docker-26.1.5/containers-prune.json")
        .answerRecorded("docker-26.1.5/networks-prune.json")
        .answerRecorded("docker-26.1.5/volumes-prune-anonymous.json")
        .answerRecorded("docker-26.1.5/images-prune-all.json")
        .answerRecorded("docker-26.1.5/build-prune-all.json");

    SystemPruneReport r = engine.client().pruneSystem(PruneFilters.none(), true, true);

    assertThat(engine.pruneRequestLines()).containsExactly(
        "POST /v1.45/containers/prune",
        "POST /v1.45/networks/prune",
        "POST /v1.45/volumes/prune",
        "POST /v1.45/images/prune",
        "POST /v1.45/build/prune");
    assertThat(filters(engine.pruneRequests().get(2))).as("anonymous volumes only, as the CLI").isNull();
    assertThat(r.reports()).hasSize(5);
    assertThat(r.volumes().orElseThrow().deletedVolumes()).hasSize(1);
    assertThat(r.images().untagged()).containsExactly("lab/retag:1", "lab/base:1", "lab/tagged:1");
    assertThat(r.spaceReclaimed()).isEqualTo(35 + 37);
  }

  @Test
  void untilGoesToEveryKindIncludingBuildCache() {
    dockerAnswering("1.41", false);

    engine.client().pruneSystem(f("until=24h", "label!=keep"), false, false);

    List<RecordedRequest> sent = engine.pruneRequests();
    Map<String, Object> until = Map.of("until", Map.of("24h", true));
    Map<String, Object> keep = Map.of("keep", true);
    assertThat(filters(sent.get(0))).isEqualTo(Map.of("until", until.get("until"), "label!", keep));
    assertThat(filters(sent.get(1))).isEqualTo(Map.of("until", until.get("until"), "label!", keep));
    assertThat(filters(sent.get(2)))
        .isEqualTo(Map.of("until", until.get("until"), "label!", keep, "dangling", Map.of("true", true)));
    assertThat(filters(sent.get(3))).as("build cache has no labels to exclude by").isEqualTo(until);
  }

  @Test
  void aLabelFilterSkipsTheBuildCacheAndSaysWhy() {
    engine = FakeEngine.docker("1.41")
        .answerRecorded("docker-20.10.24/containers-prune-nothing.json")
        .answerRecorded("docker-20.10.24/networks-prune-nothing.json")
        .answerRecorded("docker-20.10.24/images-prune-nothing.json");

    SystemPruneReport r = engine.client().pruneSystem(f("label=env=ci"), true, false);

    assertThat(engine.pruneRequestLines()).containsExactly(
        "POST /v1.41/containers/prune", "POST /v1.41/networks/prune", "POST /v1.41/images/prune");
    assertThat(filters(engine.pruneRequests().get(0))).isEqualTo(Map.of("label", Map.of("env=ci", true)));
    assertThat(r.buildCache()).isEmpty();
    assertThat(r.buildCacheSkipped()).get().asString().contains("label");
    assertThat(r.spaceReclaimed()).isZero();
  }

  @Test
  void podmanSkipsTheBuildCache() {
    engine = FakeEngine.podman("1.41")
        .answerRecorded("podman-4.3.1/containers-prune.json")
        .answerRecorded("podman-4.3.1/networks-prune.json")
        .answerRecorded("podman-4.3.1/images-prune.json");

    SystemPruneReport r = engine.client().pruneSystem(PruneFilters.none(), false, false);

    assertThat(engine.pruneRequestLines()).containsExactly(
        "POST /v1.41/containers/prune", "POST /v1.41/networks/prune", "POST /v1.41/images/prune");
    assertThat(r.buildCacheSkipped()).get().asString().contains("Podman");
    assertThat(r.spaceReclaimed()).isEqualTo(120 + 3_076_519);
  }

  @Test
  void aBuildPruneAnswered404IsSkipped() {
    engine = FakeEngine.docker("1.41")
        .answerRecorded("docker-20.10.24/containers-prune-nothing.json")
        .answerRecorded("docker-20.10.24/networks-prune-nothing.json")
        .answerRecorded("docker-20.10.24/images-prune-nothing.json")
        .answerRecorded(404, "podman-4.3.1/build-prune-404.txt");

    SystemPruneReport r = engine.client().pruneSystem(PruneFilters.none(), false, false);

    assertThat(engine.pruneRequestLines()).endsWith("POST /v1.41/build/prune");
    assertThat(r.buildCache()).isEmpty();
    assertThat(r.buildCacheSkipped()).get().asString().contains("404").contains("Not Found");
  }

  @Test
  void anEngineWithoutBuildPruneIsSkippedWithoutAsking() {
    engine = FakeEngine.docker("1.30")
        .answer("{\"ContainersDeleted\":null,\"SpaceReclaimed\":0}")
        .answer("{\"NetworksDeleted\":null}")
        .answer("{\"ImagesDeleted\":null,\"SpaceReclaimed\":0}");

    SystemPruneReport r = engine.client().pruneSystem(PruneFilters.none(), false, false);

    assertThat(engine.pruneRequestLines()).containsExactly(
        "POST /v1.30/containers/prune", "POST /v1.30/networks/prune", "POST /v1.30/images/prune");
    assertThat(r.buildCacheSkipped()).get().asString().contains("1.31");
  }

  @Test
  void nothingIsSentWhenOneSubPruneIsNotSupported() {
    engine = FakeEngine.docker("1.28");

    assertThatThrownBy(() -> engine.client().pruneSystem(f("label=env=ci"), false, false))
        .isInstanceOf(UnsupportedFeatureException.class)
        .hasMessageContaining("1.29");
    assertThat(engine.pruneRequests()).isEmpty();
  }

  @Test
  void nothingIsSentWhenPodmanCannotFilterVolumes() {
    engine = FakeEngine.podman("1.41");

    assertThatThrownBy(() -> engine.client().pruneSystem(f("label!=keep"), false, true))
        .isInstanceOf(UnsupportedFeatureException.class);
    assertThat(engine.pruneRequests()).isEmpty();
  }

  @Test
  void untilWithVolumesIsRefusedBeforeConnecting() {
    engine = FakeEngine.docker("1.41");

    assertThatThrownBy(() -> engine.client().pruneSystem(f("until=24h"), false, true))
        .isInstanceOf(InvalidFilterException.class)
        .hasMessageContaining("until")
        .hasMessageContaining("volumes");
    assertThat(engine.requests()).isEmpty();
  }

  @Test
  void stopsAtTheFirstError() {
    engine = FakeEngine.docker("1.41")
        .answerRecorded("docker-20.10.24/containers-prune-nothing.json")
        .answer(409, "{\"message\":\"a prune operation is already running\"}\n");

    assertThatThrownBy(() -> engine.client().pruneSystem(PruneFilters.none(), false, false))
        .isInstanceOfSatisfying(PruneInProgressException.class,
            e -> assertThat(e.path()).isEqualTo("/v1.41/networks/prune"));
    assertThat(engine.pruneRequestLines()).containsExactly(
        "POST /v1.41/containers/prune", "POST /v1.41/networks/prune");
  }
}
