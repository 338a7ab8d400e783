package io.iechor.prune.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.iechor.prune.ObjectKind;
import io.iechor.prune.plan.ApplyResult;
import io.iechor.prune.plan.PlannedRemoval;
import io.iechor.prune.plan.PrunePlan;
import io.iechor.prune.plan.RemovalOutcome;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What apply sends for each kind, and how it decides each outcome, on recorded list answers (see
 * {@link PlannerTest}) plus scripted inspect and delete answers.
 */
class ApplierTest {
  private final List<ListingEngine> engines = new ArrayList<>();

  @AfterEach
  void close() {
    engines.forEach(ListingEngine::close);
  }

  private ListingEngine engine(ListingEngine e) {
    engines.add(e);
    return e;
  }

  static PlannedRemoval removal(ObjectKind kind, String id, List<String> names, long size, Instant created,
      Instant lastUsed) {
    return new PlannedRemoval(kind, id, names, size < 0 ? OptionalLong.empty() : OptionalLong.of(size),
        Optional.ofNullable(created), Optional.ofNullable(lastUsed));
  }

  private static ApplyResult apply(EngineClient client, PlannedRemoval... removals) {
    return new PrunePlan(client, client.info(), Instant.EPOCH, List.of(removals), List.of()).apply();
  }

  private static NetworkEntry network(ListingEngine e, String name) throws IOException {
    return PlannerTest.read(e.recorded("network-" + name + ".json"), ListReader::network);
  }

  private static CacheEntry cache(ListingEngine e, String idPrefix) throws IOException {
    return PlannerTest.read(e.recorded("df.json"), UsageReader::diskUsage).cache().stream()
        .filter(c -> c.id().startsWith(idPrefix)).findFirst().orElseThrow();
  }

  @Test
  void eachKindIsCheckedThenRemovedWithoutForceInDependencyOrder() throws IOException {
    ListingEngine e = engine(ListingEngine.docker26());
    NetworkEntry spare = network(e, "spare");
    CacheEntry record = cache(e, "wxqbyy");
    e.script("GET /containers/c1/json", 200, "{\"Id\":\"c1\",\"Name\":\"/job\",\"State\":{\"Status\":\"exited\","
        + "\"Running\":false,\"Paused\":false,\"Restarting\":false}}").noContent("DELETE /containers/c1")
        .noContent("DELETE /networks/" + spare.id())
        .script("GET /volumes/cache", 200, "{\"Name\":\"cache\",\"Driver\":\"local\",\"CreatedAt\":\"2026-12-03T18:17:15Z\"}")
        .noContent("DELETE /volumes/cache")
        .script("GET /images/sha256:aaa/json", 200, "{\"Id\":\"sha256:aaa\",\"RepoTags\":[\"x/a:1\",\"y/b:1\"]}")
        .script("GET /images/x/a:1/json", 200, "{\"Id\":\"sha256:aaa\",\"RepoTags\":[\"x/a:1\",\"y/b:1\"]}")
        .script("DELETE /images/x/a:1", 200, "[{\"Untagged\":\"x/a:1\"}]")
        .script("DELETE /images/sha256:aaa", 200, "[{\"Untagged\":\"y/b:1\"},{\"Deleted\":\"sha256:aaa\"}]")
        .script("POST /build/prune", 200, "{\"CachesDeleted\":[\"" + record.id() + "\"],\"SpaceReclaimed\":6}");

    ApplyResult result = apply(e.client(),
        removal(ObjectKind.BUILD_CACHE, record.id(), List.of(), 6, record.created(), record.lastUsed()),
        removal(ObjectKind.IMAGES, "sha256:aaa", List.of("x/a:1", "y/b:1"), 100, null, null),
        removal(ObjectKind.VOLUMES, "cache", List.of("cache"), 7, Instant.parse("2026-12-03T18:17:15Z"), null),
        removal(ObjectKind.NETWORKS, spare.id(), List.of("spare"), -1, spare.created(), null),
        removal(ObjectKind.CONTAINERS, "c1", List.of("job"), 0, null, null));

    assertThat(result.outcomes()).as(result.toString()).allMatch(o -> o.status() == RemovalOutcome.Status.REMOVED);
    assertThat(result.reclaimedBytes()).isEqualTo(0 + 7 + 100 + 6);
    assertThat(e.requests()).containsExactly(
        "GET /v1.45/containers/c1/json",
        "DELETE /v1.45/containers/c1",
        "GET /v1.45/networks/" + spare.id(),
        "DELETE /v1.45/networks/" + spare.id(),
        "GET /v1.45/volumes/cache",
        "GET /v1.45/containers/json?all=1&filters={\"volume\":{\"cache\":true}}",
        "DELETE /v1.45/volumes/cache",
        "GET /v1.45/images/sha256:aaa/json",
        "GET /v1.45/containers/json?all=1",
        "GET /v1.45/images/x/a:1/json",
        "DELETE /v1.45/images/x/a:1?noprune=1",
        "DELETE /v1.45/images/sha256:aaa?noprune=1",
        "GET /v1.45/system/df?type=build-cache",
        "POST /v1.45/build/prune?all=1&filters={\"id\":{\"^\\\\Q" + record.id() + "\\\\E$\":true}}");
  }

  @Test
  void whatChangedSinceThePlanIsSkippedWithTheReasonAndNothingIsRemoved() throws IOException {
    ListingEngine e = engine(ListingEngine.docker20());
    NetworkEntry spare = network(e, "spare");
    NetworkEntry appnet = network(e, "appnet");
    CacheEntry record = cache(e, "3cxn2e");
    ContainerEntry web = PlannerTest.read(e.recorded("containers.json"), ListReader::containers).stream()
        .filter(c -> c.names().contains("web")).findFirst().orElseThrow();
    e.script("GET /containers/c-run/json", 200, "{\"Id\":\"c-run\",\"State\":{\"Status\":\"running\",\"Running\":true}}")
        .script("GET /volumes/cache", 200, "{\"Name\":\"cache\",\"Driver\":\"local\",\"CreatedAt\":\"2026-12-03T19:00:00Z\"}")
        .script("GET /volumes/data", 200, "{\"Name\":\"data\",\"Driver\":\"local\",\"CreatedAt\":\"2026-12-03T18:17:11Z\"}")
        .script("GET /images/sha256:aaa/json", 200, "{\"Id\":\"sha256:aaa\",\"RepoTags\":[\"keep/me:1\"]}")
        .script("GET /images/" + web.imageId() + "/json", 200, "{\"Id\":\"" + web.imageId()
            + "\",\"RepoTags\":[\"plan/base:1\"]}");

    ApplyResult result = apply(e.client(),
        removal(ObjectKind.CONTAINERS, "c-run", List.of("run"), 0, null, null),
        removal(ObjectKind.CONTAINERS, "c-gone", List.of("gone"), 0, null, null),
        removal(ObjectKind.NETWORKS, spare.id(), List.of("spare"), -1, Instant.parse("2020-01-01T00:00:00Z"), null),
        removal(ObjectKind.NETWORKS, appnet.id(), List.of("appnet"), -1, appnet.created(), null),
        removal(ObjectKind.VOLUMES, "cache", List.of("cache"), 0, Instant.parse("2026-12-03T18:17:11Z"), null),
        removal(ObjectKind.VOLUMES, "data", List.of("data"), 0, Instant.parse("2026-12-03T18:17:11Z"), null),
        removal(ObjectKind.IMAGES, "sha256:aaa", List.of(), 1, null, null),
        removal(ObjectKind.IMAGES, web.imageId(), List.of("plan/base:1"), 1, null, null),
        removal(ObjectKind.BUILD_CACHE, record.id(), List.of(), 1, record.created(), Instant.EPOCH));

    assertThat(result.skipped()).hasSize(9);
    assertThat(result.outcomes()).extracting(o -> o.reason().orElseThrow()).containsExactly(
        "it is running now",
        "it no longer exists",
        "it was recreated since the plan (created " + spare.created() + ")",
        "it is in use now by running container(s) " + appnet.containers(),
        "it was recreated under the same name since the plan (created 2026-12-03T19:00:00Z)",
        "it is in use now by container(s) [web]",
        "it was tagged keep/me:1 since the plan",
        "it is used now by container(s) [fresh, web]",
        "it was used again since the plan (" + record.lastUsed() + ")");
    assertThat(e.requests()).allMatch(r -> r.startsWith("GET "));
  }

  @Test
  void anEngineRefusalIsAFailedOutcomeAndTheNextObjectIsStillTried() {
    ListingEngine e = engine(ListingEngine.docker20());
    e.script("GET /containers/c1/json", 200, "{\"Id\":\"c1\",\"State\":{\"Status\":\"exited\"}}")
        .script("DELETE /containers/c1", 409, "{\"message\":\"removal of container c1 is already in progress\"}")
        .script("GET /containers/c2/json", 200, "{\"Id\":\"c2\",\"State\":{\"Status\":\"created\"}}")
        .noContent("DELETE /containers/c2");

    ApplyResult result = apply(e.client(), removal(ObjectKind.CONTAINERS, "c1", List.of("one"), 0, null, null),
        removal(ObjectKind.CONTAINERS, "c2", List.of("two"), 0, null, null));

    assertThat(result.failed()).singleElement().satisfies(o -> {
      assertThat(o.engineStatus()).hasValue(409);
      assertThat(o.reason()).hasValue("removal of container c1 is already in progress");
    });
    assertThat(result.removed()).extracting(o -> o.removal().id()).containsExactly("c2");
  }

  @Test
  void aBrokenConnectionFailsTheObjectAndTheRestAreNotTried() {
    ListingEngine e = engine(ListingEngine.docker20());
    EngineClient client = e.client();
    client.info();
    e.stop();

    ApplyResult result = apply(client, removal(ObjectKind.CONTAINERS, "c1", List.of("one"), 0, null, null),
        removal(ObjectKind.VOLUMES, "v", List.of("v"), 0, null, null));

    assertThat(result.failed()).hasSize(2);
    assertThat(result.outcomes().get(0).reason()).get().asString().contains("connection");
    assertThat(result.outcomes().get(1).reason()).get().asString().startsWith("not tried: ");
  }

  @Test
  void aParentPodmanDeletedWithItsChildIsReportedRemoved() {
    ListingEngine e = engine(ListingEngine.podman4());
    e.script("GET /images/sha256:child/json", 200, "{\"Id\":\"sha256:child\",\"RepoTags\":null}")
        .script("DELETE /images/sha256:child", 200, "[{\"Deleted\":\"child\"},{\"Deleted\":\"parent\"}]");

    ApplyResult result = apply(e.client(), removal(ObjectKind.IMAGES, "sha256:child", List.of(), 5, null, null),
        removal(ObjectKind.IMAGES, "sha256:parent", List.of(), 3, null, null));

    assertThat(result.isComplete()).isTrue();
    assertThat(result.reclaimedBytes()).isEqualTo(8);
    assertThat(e.requests()).noneMatch(r -> r.contains("parent"));
  }

  @Test
  void aRecordTheEngineKeepsIsSkipped() throws IOException {
    ListingEngine e = engine(ListingEngine.docker26());
    CacheEntry record = cache(e, "sj2thg");
    e.script("POST /build/prune", 200, "{\"CachesDeleted\":null,\"SpaceReclaimed\":0}");

    ApplyResult result = apply(e.client(), removal(ObjectKind.BUILD_CACHE, record.id(), List.of(), 1, record.created(),
        record.lastUsed()));

    assertThat(result.skipped()).singleElement().extracting(o -> o.reason().orElseThrow()).asString()
        .contains("the engine kept it");
  }

  @Test
  void aPlanIsAppliedOnlyThroughTheEngineItWasMadeFor() {
    ListingEngine one = engine(ListingEngine.docker20());
    ListingEngine two = engine(ListingEngine.docker20());
    EngineClient first = one.client();
    PrunePlan plan = new PrunePlan(first, first.info(), Instant.EPOCH, List.of(), List.of());

    assertThatThrownBy(() -> two.client().apply(plan)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(first.info().endpoint());
  }
}
