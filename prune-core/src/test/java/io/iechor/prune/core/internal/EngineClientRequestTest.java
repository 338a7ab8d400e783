package io.iechor.prune.core.internal;

import static io.iechor.prune.core.internal.FakeEngine.filters;
import static io.iechor.prune.core.internal.FakeEngine.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.iechor.prune.ApiVersion;
import io.iechor.prune.FilterParser;
import io.iechor.prune.Label;
import io.iechor.prune.PruneFilters;
import io.iechor.prune.UnsupportedFeatureException;
import io.iechor.prune.Until;
import io.iechor.prune.report.BuildCachePruneReport;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The exact request sent for each kind and each filter, per negotiated API version. */
class EngineClientRequestTest {
  private static final String CONTAINERS_OK = "{\"ContainersDeleted\":null,\"SpaceReclaimed\":0}";
  private static final String IMAGES_OK = "{\"ImagesDeleted\":null,\"SpaceReclaimed\":0}";
  private static final String VOLUMES_OK = "{\"VolumesDeleted\":[],\"SpaceReclaimed\":0}";
  private static final String NETWORKS_OK = "{\"NetworksDeleted\":null}";
  private static final String BUILD_OK = "{\"CachesDeleted\":null,\"SpaceReclaimed\":0}";

  private FakeEngine engine;

  @AfterEach
  void stop() {
    if (engine != null) {
      engine.close();
    }
  }

  private FakeEngine docker(String version) {
    engine = FakeEngine.docker(version);
    return engine;
  }

  private FakeEngine podman(String version) {
    engine = FakeEngine.podman(version);
    return engine;
  }

  private static PruneFilters f(String... expressions) {
    return FilterParser.parseForSystem(List.of(expressions));
  }

  // ---------------------------------------------------------------- containers

  @Test
  void containersWithoutFiltersSendNoQueryAtAll() {
    docker("1.41").answer(CONTAINERS_OK);

    engine.client().pruneContainers(PruneFilters.none());

    RecordedRequest r = engine.onlyPruneRequest();
    assertThat(r.getMethod()).isEqualTo("POST");
    assertThat(r.getUrl().encodedPath()).isEqualTo("/v1.41/containers/prune");
    assertThat(r.getUrl().querySize()).isZero();
    assertThat(r.getBodySize()).isZero();
  }

  @Test
  void containersWithEveryFilter() {
    docker("1.41").answer(CONTAINERS_OK);

    engine.client().pruneContainers(f("until=24h", "label=env=ci", "label=team", "label!=keep", "label!=tier=db"));

    RecordedRequest r = engine.onlyPruneRequest();
    assertThat(r.getUrl().encodedPath()).isEqualTo("/v1.41/containers/prune");
    assertThat(filters(r)).isEqualTo(Map.of(
        "until", Map.of("24h", true),
        "label", Map.of("env=ci", true, "team", true),
        "label!", Map.of("keep", true, "tier=db", true)));
    assertThat(options(r)).isEmpty();
  }

  @Test
  void anInstantIsSentAsAUtcTime() {
    docker("1.41").answer(CONTAINERS_OK);

    engine.client().pruneContainers(PruneFilters.none().withUntil(Until.at(Instant.parse("2026-01-01T00:00:00Z"))));

    assertThat(filters(engine.onlyPruneRequest())).isEqualTo(Map.of("until", Map.of("2026-01-01T00:00:00Z", true)));
  }

  @Test
  void aLabelValueIsSentAsWrittenEqualsSignsAndAll() {
    docker("1.41").answer(CONTAINERS_OK);

    engine.client().pruneContainers(PruneFilters.none().withLabel(Label.parse("a=b=c"))
        .withoutLabel(Label.of("q", "say \"hi\" & {bye}")));

    assertThat(filters(engine.onlyPruneRequest())).isEqualTo(Map.of(
        "label", Map.of("a=b=c", true),
        "label!", Map.of("q=say \"hi\" & {bye}", true)));
  }

  @Test
  void untilNeedsApi128() {
    docker("1.27");

    assertThatThrownBy(() -> engine.client().pruneContainers(f("until=24h")))
        .isInstanceOfSatisfying(UnsupportedFeatureException.class, e -> {
          assertThat(e.required()).isEqualTo(ApiVersion.of(1, 28));
          assertThat(e.negotiated()).isEqualTo(ApiVersion.of(1, 27));
        })
        .hasMessageContaining("1.28");
    assertThat(engine.pruneRequests()).isEmpty();
  }

  @Test
  void labelsNeedApi129() {
    docker("1.28");

    assertThatThrownBy(() -> engine.client().pruneNetworks(f("label!=keep")))
        .isInstanceOf(UnsupportedFeatureException.class)
        .hasMessageContaining("1.29");
    assertThat(engine.pruneRequests()).isEmpty();
  }

  // ---------------------------------------------------------------- images

  @Test
  void imagesAlwaysSayWhetherDanglingOnly() {
    docker("1.41").answer(IMAGES_OK).answer(IMAGES_OK);

    engine.client().pruneImages(PruneFilters.none(), false);
    engine.client().pruneImages(PruneFilters.none(), true);

    List<RecordedRequest> sent = engine.pruneRequests();
    assertThat(engine.pruneRequestLines()).containsOnly("POST /v1.41/images/prune");
    assertThat(filters(sent.get(0))).isEqualTo(Map.of("dangling", Map.of("true", true)));
    assertThat(filters(sent.get(1))).isEqualTo(Map.of("dangling", Map.of("false", true)));
  }

  @Test
  void imagesWithEveryFilter() {
    docker("1.41").answer(IMAGES_OK);

    engine.client().pruneImages(f("until=2026-01-31T10:00:00Z", "label=env=ci", "label!=keep"), true);

    assertThat(filters(engine.onlyPruneRequest())).isEqualTo(Map.of(
        "until", Map.of("2026-01-31T10:00:00Z", true),
        "label", Map.of("env=ci", true),
        "label!", Map.of("keep", true),
        "dangling", Map.of("false", true)));
  }

  @Test
  void podmanImagesLeaveDanglingToTheEngine() {
    podman("1.41").answer(IMAGES_OK);

    engine.client().pruneImages(f("label=env=ci"), false);

    RecordedRequest r = engine.onlyPruneRequest();
    assertThat(r.getUrl().encodedPath()).isEqualTo("/v1.41/images/prune");
    assertThat(filters(r)).isEqualTo(Map.of("label", Map.of("env=ci", true)));
  }

  @Test
  void podmanPrunesAllImagesThroughItsOwnEndpoint() {
    podman("1.41").answer("[]");

    engine.client().pruneImages(f("until=24h", "label=env=ci"), true);

    RecordedRequest r = engine.onlyPruneRequest();
    assertThat(r.getMethod()).isEqualTo("POST");
    assertThat(r.getUrl().encodedPath()).isEqualTo("/v4.0.0/libpod/images/prune");
    assertThat(options(r)).isEqualTo(Map.of("all", "true"));
    assertThat(filters(r)).isEqualTo(Map.of(
        "until", Map.of("24h", true),
        "label", Map.of("env=ci", true)));
  }

  @Test
  void podmanAllImagesWithoutFiltersSendsOnlyAll() {
    podman("1.41").answer("[]");

    engine.client().pruneImages(PruneFilters.none(), true);

    RecordedRequest r = engine.onlyPruneRequest();
    assertThat(r.getUrl().encodedPath()).isEqualTo("/v4.0.0/libpod/images/prune");
    assertThat(r.getUrl().queryParameterNames()).containsExactly("all");
  }

  // ---------------------------------------------------------------- volumes

  @Test
  void volumesWithoutFiltersSendNoFilters() {
    docker("1.41").answer(VOLUMES_OK);

    engine.client().pruneVolumes(PruneFilters.none(), false);

    RecordedRequest r = engine.onlyPruneRequest();
    assertThat(r.getUrl().encodedPath()).isEqualTo("/v1.41/volumes/prune");
    assertThat(r.getUrl().querySize()).isZero();
  }

  @Test
  void volumesWithLabels() {
    docker("1.41").answer(VOLUMES_OK);

    engine.client().pruneVolumes(f("label=env=ci", "label!=keep"), false);

    assertThat(filters(engine.onlyPruneRequest())).isEqualTo(Map.of(
        "label", Map.of("env=ci", true),
        "label!", Map.of("keep", true)));
  }

  @Test
  void volumesAllIsNotSentBelowApi142() {
    docker("1.41").answer(VOLUMES_OK);

    engine.client().pruneVolumes(PruneFilters.none(), true);

    assertThat(engine.onlyPruneRequest().getUrl().queryParameter("filters")).isNull();
  }

  @Test
  void volumesAllIsSentFromApi142() {
    docker("1.42").answer(VOLUMES_OK).answer(VOLUMES_OK);

    engine.client().pruneVolumes(f("label=env=ci"), true);
    engine.client().pruneVolumes(PruneFilters.none(), false);

    List<RecordedRequest> sent = engine.pruneRequests();
    assertThat(sent.get(0).getUrl().encodedPath()).isEqualTo("/v1.42/volumes/prune");
    assertThat(filters(sent.get(0))).isEqualTo(Map.of(
        "label", Map.of("env=ci", true),
        "all", Map.of("true", true)));
    assertThat(filters(sent.get(1))).as("anonymous volumes only, the engine's default").isNull();
  }

  @Test
  void podman4CannotExcludeVolumesByLabelAndNothingIsSent() {
    podman("1.41");

    assertThatThrownBy(() -> engine.client().pruneVolumes(f("label!=keep"), false))
        .isInstanceOf(UnsupportedFeatureException.class)
        .hasMessageContaining("label!")
        .hasMessageContaining("label=");
    assertThat(engine.pruneRequests()).isEmpty();
  }

  @Test
  void podman4SelectsVolumesByLabel() {
    podman("1.41").answer(VOLUMES_OK);

    engine.client().pruneVolumes(f("label=env=ci"), false);

    assertThat(filters(engine.onlyPruneRequest())).isEqualTo(Map.of("label", Map.of("env=ci", true)));
  }

  @Test
  void podman5ExcludesVolumesByLabel() {
    engine = FakeEngine.podman("1.41", "5.8.2").answer(VOLUMES_OK);

    engine.client().pruneVolumes(f("label!=keep"), false);

    assertThat(filters(engine.onlyPruneRequest())).isEqualTo(Map.of("label!", Map.of("keep", true)));
  }

  @ParameterizedTest
  @ValueSource(strings = {"1.41", "1.44"})
  void volumesAllIsNeverSentToPodman(String version) {
    podman(version).answer(VOLUMES_OK);

    engine.client().pruneVolumes(PruneFilters.none(), true);

    RecordedRequest r = engine.onlyPruneRequest();
    assertThat(r.getUrl().encodedPath()).isEqualTo("/v" + version + "/volumes/prune");
    assertThat(filters(r)).isNull();
  }

  // ---------------------------------------------------------------- networks

  @Test
  void networksWithEveryFilter() {
    docker("1.41").answer(NETWORKS_OK);

    engine.client().pruneNetworks(f("until=1h30m", "label=env=ci", "label!=keep=true"));

    RecordedRequest r = engine.onlyPruneRequest();
    assertThat(r.getUrl().encodedPath()).isEqualTo("/v1.41/networks/prune");
    assertThat(filters(r)).isEqualTo(Map.of(
        "until", Map.of("1h30m", true),
        "label", Map.of("env=ci", true),
        "label!", Map.of("keep=true", true)));
  }

  // ---------------------------------------------------------------- build cache

  @Test
  void buildCacheWithoutOptionsSendsNoQuery() {
    docker("1.41").answer(BUILD_OK);

    engine.client().pruneBuildCache(PruneFilters.none(), false, OptionalLong.empty());

    RecordedRequest r = engine.onlyPruneRequest();
    assertThat(r.getMethod()).isEqualTo("POST");
    assertThat(r.getUrl().encodedPath()).isEqualTo("/v1.41/build/prune");
    assertThat(r.getUrl().querySize()).isZero();
  }

  @Test
  void buildCacheAllIsSentAsOne() {
    docker("1.41").answer(BUILD_OK);

    engine.client().pruneBuildCache(PruneFilters.none(), true, OptionalLong.empty());

    assertThat(options(engine.onlyPruneRequest())).isEqualTo(Map.of("all", "1"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"1.39", "1.41", "1.47"})
  void keepStorageUpToApi147(String version) {
    docker(version).answer(BUILD_OK);

    engine.client().pruneBuildCache(PruneFilters.none(), false, OptionalLong.of(10_000_000_000L));

    assertThat(options(engine.onlyPruneRequest())).isEqualTo(Map.of("keep-storage", "10000000000"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"1.48", "1.52", "1.55"})
  void reservedSpaceFromApi148(String version) {
    docker(version).answer(BUILD_OK);

    engine.client().pruneBuildCache(PruneFilters.none(), true, OptionalLong.of(0));

    RecordedRequest r = engine.onlyPruneRequest();
    assertThat(r.getUrl().encodedPath()).isEqualTo("/v" + version + "/build/prune");
    assertThat(options(r)).isEqualTo(Map.of("all", "1", "reserved-space", "0"));
  }

  @Test
  void buildCacheDurationIsSentAsIs() {
    docker("1.41").answer(BUILD_OK);

    engine.client().pruneBuildCache(f("until=24h"), false, OptionalLong.empty());

    assertThat(filters(engine.onlyPruneRequest())).isEqualTo(Map.of("until", Map.of("24h", true)));
  }

  @ParameterizedTest
  @ValueSource(strings = {"1.40", "1.47", "1.55"})
  void buildCacheUntilFromApi140(String version) {
    docker(version).answer(BUILD_OK);

    engine.client().pruneBuildCache(f("until=1h30m"), false, OptionalLong.empty());

    assertThat(filters(engine.onlyPruneRequest())).isEqualTo(Map.of("until", Map.of("1h30m", true)));
  }

  @Test
  void buildCacheUntilIsCalledUnusedForOnApi139() {
    docker("1.39").answer(BUILD_OK);

    engine.client().pruneBuildCache(f("until=24h"), false, OptionalLong.empty());

    assertThat(filters(engine.onlyPruneRequest())).isEqualTo(Map.of("unused-for", Map.of("24h", true)));
  }

  @Test
  void buildCacheInstantBecomesADurationBelowApi143() {
    docker("1.42").answer(BUILD_OK);
    Instant twoHoursAgo = Instant.now().minus(Duration.ofHours(2));

    engine.client().pruneBuildCache(PruneFilters.none().withUntil(Until.at(twoHoursAgo)), false,
        OptionalLong.empty());

    @SuppressWarnings("unchecked")
    Map<String, Map<String, Boolean>> sent = (Map<String, Map<String, Boolean>>) filters(engine.onlyPruneRequest());
    assertThat(sent).containsOnlyKeys("until");
    String value = sent.get("until").keySet().iterator().next();
    Until parsed = Until.parse(value);
    assertThat(parsed.isRelative()).as("sent as a duration: %s", value).isTrue();
    assertThat(parsed.duration().orElseThrow()).isBetween(Duration.ofHours(2), Duration.ofHours(3));
  }

  @Test
  void buildCacheInstantIsSentAsATimeFromApi143() {
    docker("1.43").answer(BUILD_OK);

    engine.client().pruneBuildCache(PruneFilters.none().withUntil(Until.at(Instant.parse("2026-01-31T00:00:00Z"))),
        false, OptionalLong.empty());

    assertThat(filters(engine.onlyPruneRequest())).isEqualTo(Map.of("until", Map.of("2026-01-31T00:00:00Z", true)));
  }

  @Test
  void buildCacheTimeWithoutAZoneCannotBeConvertedBelowApi143() {
    docker("1.41");

    assertThatThrownBy(() -> engine.client().pruneBuildCache(f("until=2026-01-31T10:00:00"), false,
        OptionalLong.empty()))
        .isInstanceOfSatisfying(UnsupportedFeatureException.class,
            e -> assertThat(e.required()).isEqualTo(ApiVersion.of(1, 43)))
        .hasMessageContaining("zone");
    assertThat(engine.pruneRequests()).isEmpty();
  }

  @Test
  void buildCacheNeedsApi131() {
    docker("1.30");

    assertThatThrownBy(() -> engine.client().pruneBuildCache(PruneFilters.none(), false, OptionalLong.empty()))
        .isInstanceOfSatisfying(UnsupportedFeatureException.class,
            e -> assertThat(e.required()).isEqualTo(ApiVersion.of(1, 31)))
        .hasMessageContaining("1.31");
    assertThat(engine.pruneRequests()).isEmpty();
  }

  @Test
  void plainBuildCachePruneWorksOnApi131() {
    docker("1.31").answer("{\"SpaceReclaimed\":1234}");

    BuildCachePruneReport report = engine.client().pruneBuildCache(PruneFilters.none(), false, OptionalLong.empty());

    assertThat(engine.onlyPruneRequest().getUrl().encodedPath()).isEqualTo("/v1.31/build/prune");
    assertThat(report.deletedCaches()).isEmpty();
    assertThat(report.spaceReclaimed()).isEqualTo(1234);
  }

  @Test
  void buildCacheOptionsNeedApi139() {
    docker("1.38");
    EngineClient client = engine.client();

    assertThatThrownBy(() -> client.pruneBuildCache(PruneFilters.none(), true, OptionalLong.empty()))
        .isInstanceOf(UnsupportedFeatureException.class).hasMessageContaining("1.39");
    assertThatThrownBy(() -> client.pruneBuildCache(PruneFilters.none(), false, OptionalLong.of(1)))
        .isInstanceOf(UnsupportedFeatureException.class).hasMessageContaining("1.39");
    assertThatThrownBy(() -> client.pruneBuildCache(f("until=1h"), false, OptionalLong.empty()))
        .isInstanceOf(UnsupportedFeatureException.class).hasMessageContaining("1.39");
    assertThat(engine.pruneRequests()).isEmpty();
  }

  @Test
  void podmanHasNoBuildCachePruneAndNothingIsSent() {
    podman("1.41");

    assertThatThrownBy(() -> engine.client().pruneBuildCache(PruneFilters.none(), false, OptionalLong.empty()))
        .isInstanceOfSatisfying(UnsupportedFeatureException.class, e -> assertThat(e.required()).isNull())
        .hasMessageContaining("Podman");
    assertThat(engine.pruneRequests()).isEmpty();
  }
}
