package io.iechor.prune.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.iechor.prune.ApiVersion;
import io.iechor.prune.EngineInfo;
import io.iechor.prune.EngineNotFoundException;
import io.iechor.prune.PruneFilters;
import io.iechor.prune.UnsupportedFeatureException;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The ping: which API version is spoken, and what is learned about the engine. */
class NegotiationTest {
  private static final String CONTAINERS_OK = "{\"ContainersDeleted\":null,\"SpaceReclaimed\":0}";

  private FakeEngine engine;

  @AfterEach
  void stop() {
    if (engine != null) {
      engine.close();
    }
  }

  @Test
  void pingsWithHeadAndLearnsTheEngine() {
    engine = FakeEngine.docker("1.41");

    EngineInfo info = engine.client().info();

    assertThat(info.endpoint()).isEqualTo(engine.endpoint());
    assertThat(info.apiVersion()).isEqualTo(ApiVersion.of(1, 41));
    assertThat(info.engineApiVersion()).isEqualTo(ApiVersion.of(1, 41));
    assertThat(info.server()).isEqualTo(FakeEngine.DOCKER_SERVER);
    assertThat(info.podman()).isFalse();
    assertThat(engine.requests()).extracting(RecordedRequest::getRequestLine)
        .containsExactly("HEAD /_ping HTTP/1.1");
  }

  @ParameterizedTest(name = "engine {0} is spoken to as {1}")
  @CsvSource({
      "1.25, 1.25",
      "1.41, 1.41",
      "1.55, 1.55",
      "1.56, 1.55",
      "1.99, 1.55",
      "2.0, 1.55"
  })
  void speaksTheLowerOfItsOwnAndTheEngineVersion(String engineVersion, String spoken) {
    engine = FakeEngine.docker(engineVersion).answer(CONTAINERS_OK);

    engine.client().pruneContainers(PruneFilters.none());

    assertThat(engine.pruneRequestLines()).containsExactly("POST /v" + spoken + "/containers/prune");
  }

  @ParameterizedTest
  @ValueSource(strings = {"1.24", "1.12", "1.9"})
  void anEngineBelowApi125IsRefusedBeforeAnyPrune(String version) {
    engine = FakeEngine.docker(version);

    assertThatThrownBy(() -> engine.client().pruneContainers(PruneFilters.none()))
        .isInstanceOfSatisfying(UnsupportedFeatureException.class, e -> {
          assertThat(e.required()).isEqualTo(ApiVersion.of(1, 25));
          assertThat(e.negotiated()).isEqualTo(ApiVersion.parse(version));
        })
        .hasMessageContaining(version)
        .hasMessageContaining("1.25");
    assertThat(engine.pruneRequests()).isEmpty();
  }

  @Test
  void recognisesPodmanByItsLibpodHeader() {
    engine = FakeEngine.podman("1.41");

    EngineInfo info = engine.client().info();

    assertThat(info.podman()).isTrue();
    assertThat(info.server()).isEqualTo(FakeEngine.PODMAN_SERVER);
  }

  @Test
  void whenHeadIsRefusedPingsWithGet() {
    engine = FakeEngine.docker("1.41").refusingHead().answer(CONTAINERS_OK);

    engine.client().pruneContainers(PruneFilters.none());

    assertThat(engine.requests()).extracting(r -> r.getMethod() + " " + r.getUrl().encodedPath())
        .containsExactly("HEAD /_ping", "GET /_ping", "POST /v1.41/containers/prune");
  }

  @Test
  void pingsOncePerClient() {
    engine = FakeEngine.docker("1.41").answer(CONTAINERS_OK).answer(CONTAINERS_OK);
    EngineClient client = engine.client();

    client.pruneContainers(PruneFilters.none());
    client.pruneContainers(PruneFilters.none());

    assertThat(engine.requests()).extracting(r -> r.getUrl().encodedPath())
        .containsExactly("/_ping", "/v1.41/containers/prune", "/v1.41/containers/prune");
  }

  @Test
  void somethingThatIsNotAnEngineIsReportedAsNotFound() {
    engine = FakeEngine.docker("1.41").notAnEngine();

    assertThatThrownBy(() -> engine.client().pruneContainers(PruneFilters.none()))
        .isInstanceOfSatisfying(EngineNotFoundException.class, e -> {
          assertThat(e.attempts()).hasSize(1);
          assertThat(e.attempts().get(0).endpoint()).isEqualTo(engine.endpoint());
          assertThat(e.attempts().get(0).failure()).contains("not an iEchor engine").contains("404");
        });
    assertThat(engine.requests()).extracting(RecordedRequest::getMethod).containsExactly("HEAD", "GET");
  }

  @Test
  void aPingWithoutApiVersionIsNotAnEngine() {
    engine = FakeEngine.docker("1.41").withoutApiVersion();

    assertThatThrownBy(() -> engine.client().info())
        .isInstanceOf(EngineNotFoundException.class)
        .hasMessageContaining("Api-Version");
    assertThat(engine.pruneRequests()).isEmpty();
  }

  @Test
  void anApiVersionThatIsNotAVersionIsNotAnEngine() {
    engine = FakeEngine.docker("one.forty");

    assertThatThrownBy(() -> engine.client().info())
        .isInstanceOf(EngineNotFoundException.class)
        .hasMessageContaining("one.forty");
  }
}
