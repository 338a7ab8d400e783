package io.iechor.prune.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.iechor.prune.EngineApiException;
import io.iechor.prune.EngineConnectionException;
import io.iechor.prune.EngineNotFoundException;
import io.iechor.prune.PruneException;
import io.iechor.prune.PruneFilters;
import io.iechor.prune.PruneInProgressException;
import io.iechor.prune.UnreadableResponseException;
import io.iechor.prune.UnsupportedFeatureException;
import io.iechor.prune.report.ContainerPruneReport;
import io.iechor.prune.spi.ClientSettings;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every way a request can fail, and what the caller is told. */
class EngineClientErrorsTest {
  private static final String CONFLICT = "{\"message\":\"a prune operation is already running\"}\n";
  private static final String CONTAINERS_OK = "{\"ContainersDeleted\":[\"c1\"],\"SpaceReclaimed\":5}";

  private FakeEngine engine;

  @AfterEach
  void stop() {
    if (engine != null) {
      engine.close();
    }
  }

  private EngineClient docker() {
    engine = FakeEngine.docker("1.41");
    return engine.client();
  }

  private static EngineClient clientFor(String endpoint) {
    return new EngineClient(new ClientSettings(endpoint, Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ZERO),
        new Discovery(name -> null, Path.of("/nonexistent-home-for-tests")), Transports.fromClassPath());
  }

  // ---------------------------------------------------------------- error statuses

  @Test
  void aRefusedFilterKeepsStatusMessageMethodAndPath() {
    EngineClient c = docker();
    engine.answerRecorded(400, "docker-20.10.24/error-400-invalid-filter.json");

    assertThatThrownBy(() -> c.pruneContainers(PruneFilters.none()))
        .isExactlyInstanceOf(EngineApiException.class)
        .isInstanceOfSatisfying(EngineApiException.class, e -> {
          assertThat(e.status()).isEqualTo(400);
          assertThat(e.engineMessage()).isEqualTo("Invalid filter 'foo'");
          assertThat(e.method()).isEqualTo("POST");
          assertThat(e.path()).isEqualTo("/v1.41/containers/prune");
        })
        .hasMessageContaining("400")
        .hasMessageContaining("Invalid filter 'foo'")
        .hasMessageContaining("POST /v1.41/containers/prune");
  }

  @Test
  void anInternalErrorKeepsTheEngineMessage() {
    EngineClient c = docker();
    engine.answerRecorded(500, "docker-20.10.24/error-500-until.json");

    assertThatThrownBy(() -> c.pruneNetworks(PruneFilters.none()))
        .isInstanceOfSatisfying(EngineApiException.class, e -> {
          assertThat(e.status()).isEqualTo(500);
          assertThat(e.engineMessage()).isEqualTo("failed to parse value as time or duration: \"garbage\"");
          assertThat(e.path()).isEqualTo("/v1.41/networks/prune");
        });
  }

  @Test
  void aBuildPruneErrorKeepsTheEngineMessage() {
    EngineClient c = docker();
    engine.answerRecorded(500, "docker-20.10.24/error-500-keep-storage.json");

    assertThatThrownBy(() -> c.pruneBuildCache(PruneFilters.none(), false, OptionalLong.of(1)))
        .isInstanceOfSatisfying(EngineApiException.class, e -> {
          assertThat(e.status()).isEqualTo(500);
          assertThat(e.engineMessage()).startsWith("keep-storage is in bytes and expects an integer");
          assertThat(e.path()).isEqualTo("/v1.41/build/prune");
        });
  }

  @Test
  void docker26ErrorsAsRecorded() {
    engine = FakeEngine.docker26()
        .answerRecorded(400, "docker-26.1.5/error-400-invalid-filter.json")
        .answerRecorded(500, "docker-26.1.5/error-500-until.json")
        .answerRecorded(400, "docker-26.1.5/error-400-keep-storage.json")
        .answerRecorded(404, "docker-26.1.5/error-404-page-not-found.json");
    EngineClient c = engine.client();

    assertThatThrownBy(() -> c.pruneContainers(PruneFilters.none()))
        .isInstanceOfSatisfying(EngineApiException.class, e -> {
          assertThat(e.status()).isEqualTo(400);
          assertThat(e.engineMessage()).isEqualTo("invalid filter 'foo'");
          assertThat(e.path()).isEqualTo("/v1.45/containers/prune");
        });
    assertThatThrownBy(() -> c.pruneImages(PruneFilters.none(), false))
        .isInstanceOfSatisfying(EngineApiException.class, e -> {
          assertThat(e.status()).isEqualTo(500);
          assertThat(e.engineMessage()).contains("failed to parse value as time or duration");
        });
    assertThatThrownBy(() -> c.pruneBuildCache(PruneFilters.none(), false, OptionalLong.of(1)))
        .isInstanceOfSatisfying(EngineApiException.class, e -> {
          assertThat(e.status()).isEqualTo(400);
          assertThat(e.engineMessage()).contains("keep-storage is in bytes");
          assertThat(e.path()).isEqualTo("/v1.45/build/prune");
        });
    assertThatThrownBy(() -> c.pruneNetworks(PruneFilters.none()))
        .isInstanceOfSatisfying(EngineApiException.class, e -> {
          assertThat(e.status()).isEqualTo(404);
          assertThat(e.engineMessage()).isEqualTo("page not found");
        });
  }

  @Test
  void podmanErrorsGiveTheirMessageNotTheCause() {
    engine = FakeEngine.podman("1.41").answerRecorded(500, "podman-4.3.1/error-500-dangling-false.json");
    EngineClient c = engine.client();

    assertThatThrownBy(() -> c.pruneImages(PruneFilters.none(), false))
        .isInstanceOfSatisfying(EngineApiException.class, e -> {
          assertThat(e.status()).isEqualTo(500);
          assertThat(e.engineMessage())
              .isEqualTo("specifying \"dangling\" filter more than once with different values is not supported");
        });
  }

  @Test
  void aPlainTextErrorIsTakenAsTheMessage() {
    EngineClient c = docker();
    engine.answerRecorded(400, "docker-20.10.24/error-400-too-old.txt");

    assertThatThrownBy(() -> c.pruneContainers(PruneFilters.none()))
        .isInstanceOfSatisfying(EngineApiException.class, e -> assertThat(e.engineMessage()).isEqualTo(
            "client version 1.11 is too old. Minimum supported API version is 1.12, please upgrade your client"
                + " to a newer version"));
  }

  @Test
  void aPlainText404() {
    EngineClient c = docker();
    engine.answerRecorded(404, "podman-4.3.1/build-prune-404.txt");

    assertThatThrownBy(() -> c.pruneVolumes(PruneFilters.none(), false))
        .isExactlyInstanceOf(EngineApiException.class)
        .isInstanceOfSatisfying(EngineApiException.class, e -> {
          assertThat(e.status()).isEqualTo(404);
          assertThat(e.engineMessage()).isEqualTo("Not Found");
        });
  }

  @Test
  void aJson404() {
    EngineClient c = docker();
    engine.answerRecorded(404, "docker-20.10.24/error-404-page-not-found.json");

    assertThatThrownBy(() -> c.pruneContainers(PruneFilters.none()))
        .isInstanceOfSatisfying(EngineApiException.class, e -> {
          assertThat(e.status()).isEqualTo(404);
          assertThat(e.engineMessage()).isEqualTo("page not found");
        });
  }

  @Test
  void aBuildPrune404MeansTheEngineHasNone() {
    EngineClient c = docker();
    engine.answerRecorded(404, "podman-4.3.1/build-prune-404.txt");

    assertThatThrownBy(() -> c.pruneBuildCache(PruneFilters.none(), false, OptionalLong.empty()))
        .isInstanceOf(UnsupportedFeatureException.class)
        .hasMessageContaining("404")
        .hasMessageContaining("Not Found")
        .hasMessageContaining("build-cache prune");
  }

  @Test
  void aRouteBelowItsMinimumVersionIsUnsupported() {
    EngineClient c = docker();
    engine.answer(400, "{\"message\":\"POST /build/prune requires minimum API version 1.31\"}");

    assertThatThrownBy(() -> c.pruneBuildCache(PruneFilters.none(), false, OptionalLong.empty()))
        .isInstanceOf(UnsupportedFeatureException.class)
        .hasMessageContaining("requires minimum API version 1.31");
  }

  @Test
  void anHtmlPageIsDescribedAsSuch() {
    EngineClient c = docker();
    engine.answer(new MockResponse.Builder().code(502).addHeader("Content-Type", "text/html")
        .body("<html>\n<head><title>502 Bad Gateway</title></head>\n<body>nginx</body>\n</html>\n").build());

    assertThatThrownBy(() -> c.pruneContainers(PruneFilters.none()))
        .isInstanceOfSatisfying(EngineApiException.class, e -> {
          assertThat(e.status()).isEqualTo(502);
          assertThat(e.engineMessage()).contains("HTML").contains("proxy").contains("502 Bad Gateway");
        });
  }

  @Test
  void anEmptyErrorBodySaysSo() {
    EngineClient c = docker();
    engine.answer(new MockResponse.Builder().code(500).build());

    assertThatThrownBy(() -> c.pruneContainers(PruneFilters.none()))
        .isInstanceOfSatisfying(EngineApiException.class, e -> {
          assertThat(e.status()).isEqualTo(500);
          assertThat(e.engineMessage()).isEqualTo("(no message)");
        });
  }

  @Test
  void jsonWithoutAMessageIsShownRaw() {
    EngineClient c = docker();
    engine.answer(500, "{\"error\":\"boom\"}");

    assertThatThrownBy(() -> c.pruneContainers(PruneFilters.none()))
        .isInstanceOfSatisfying(EngineApiException.class,
            e -> assertThat(e.engineMessage()).isEqualTo("{\"error\":\"boom\"}"));
  }

  // ---------------------------------------------------------------- 409

  @Test
  void aConflictIsAPruneInProgress() {
    EngineClient c = docker();
    engine.answer(409, CONFLICT);

    assertThatThrownBy(() -> c.pruneImages(PruneFilters.none(), false))
        .isInstanceOfSatisfying(PruneInProgressException.class, e -> {
          assertThat(e.status()).isEqualTo(409);
          assertThat(e.engineMessage()).isEqualTo("a prune operation is already running");
          assertThat(e.method()).isEqualTo("POST");
          assertThat(e.path()).isEqualTo("/v1.41/images/prune");
        })
        .hasMessageContaining("retryOnConflict");
    assertThat(engine.pruneRequests()).hasSize(1);
  }

  @Test
  void retryOnConflictWaitsForTheOtherPrune() {
    engine = FakeEngine.docker("1.41").answer(409, CONFLICT).answer(409, CONFLICT).answer(CONTAINERS_OK);

    ContainerPruneReport r = engine.client(Duration.ofSeconds(5), Duration.ofSeconds(30))
        .pruneContainers(PruneFilters.none());

    assertThat(r.deletedContainers()).containsExactly("c1");
    assertThat(engine.pruneRequestLines()).containsExactly("POST /v1.41/containers/prune",
        "POST /v1.41/containers/prune", "POST /v1.41/containers/prune");
  }

  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void retryOnConflictGivesUpAfterItsDeadline() {
    engine = FakeEngine.docker("1.41")
        .alwaysAnswer(new MockResponse.Builder().code(409).body(CONFLICT).build());
    EngineClient c = engine.client(Duration.ofSeconds(5), Duration.ofSeconds(1));

    assertThatThrownBy(() -> c.pruneNetworks(PruneFilters.none())).isInstanceOf(PruneInProgressException.class);
    assertThat(engine.pruneRequests()).hasSizeGreaterThan(1);
  }

  // ---------------------------------------------------------------- unreadable answers

  @ParameterizedTest
  @ValueSource(strings = {
      "{\"ContainersDeleted\":[\"abc\"",
      "{\"ContainersDeleted\":[abc],\"SpaceReclaimed\":0}",
      "[\"abc\"]",
      "",
      "<html><body>OK</body></html>",
      "{\"ContainersDeleted\":[1,2]}",
      "{\"ContainersDeleted\":\"abc\"}",
      "{\"SpaceReclaimed\":\"12\"}",
      "{\"SpaceReclaimed\":1.5}"
  })
  void aSuccessThatCannotBeReadIsUnreadable(String body) {
    EngineClient c = docker();
    engine.answer(body);

    assertThatThrownBy(() -> c.pruneContainers(PruneFilters.none()))
        .isInstanceOfSatisfying(UnreadableResponseException.class, e -> {
          assertThat(e.method()).isEqualTo("POST");
          assertThat(e.path()).isEqualTo("/v1.41/containers/prune");
        })
        .hasMessageContaining("POST /v1.41/containers/prune")
        .hasMessageContaining("list the objects");
  }

  @Test
  void anObjectWherePodmanSendsAListIsUnreadable() {
    engine = FakeEngine.podman("1.41").answer("{\"ImagesDeleted\":[]}");
    EngineClient c = engine.client();

    assertThatThrownBy(() -> c.pruneImages(PruneFilters.none(), true))
        .isInstanceOf(UnreadableResponseException.class)
        .hasMessageContaining("/v4.0.0/libpod/images/prune");
  }

  // ---------------------------------------------------------------- the connection

  @Test
  void noAnswerWithinTheReadTimeout() {
    engine = FakeEngine.docker("1.41").answer(new MockResponse.Builder().code(200)
        .body(CONTAINERS_OK).headersDelay(5, TimeUnit.SECONDS).build());
    EngineClient c = engine.client(Duration.ofSeconds(1), Duration.ZERO);

    assertThatThrownBy(() -> c.pruneContainers(PruneFilters.none()))
        .isInstanceOfSatisfying(EngineConnectionException.class,
            e -> assertThat(e.endpoint()).isEqualTo(engine.endpoint()))
        .hasMessageContaining("read timeout of 1 s")
        .hasMessageContaining("readTimeout")
        .hasMessageContaining("may have removed");
  }

  @Test
  void aBodyThatStopsComingTimesOutToo() {
    engine = FakeEngine.docker("1.41").answer(new MockResponse.Builder().code(200)
        .body(CONTAINERS_OK).bodyDelay(5, TimeUnit.SECONDS).build());
    EngineClient c = engine.client(Duration.ofSeconds(1), Duration.ZERO);

    assertThatThrownBy(() -> c.pruneContainers(PruneFilters.none()))
        .isInstanceOf(EngineConnectionException.class)
        .hasMessageContaining("read timeout");
  }

  @Test
  void aReadTimeoutBelowASecondIsNotCalledZero() {
    engine = FakeEngine.docker("1.41").answer(new MockResponse.Builder().code(200)
        .body(CONTAINERS_OK).headersDelay(5, TimeUnit.SECONDS).build());
    EngineClient c = engine.client(Duration.ofMillis(500), Duration.ZERO);

    assertThatThrownBy(() -> c.pruneContainers(PruneFilters.none()))
        .isInstanceOf(EngineConnectionException.class)
        .hasMessageContaining("500 ms")
        .hasMessageNotContaining("of 0 s");
  }

  @Test
  void aClosedPortIsNotFoundAndListedAsRefused() throws IOException {
    int port;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      port = s.getLocalPort();
    }
    String endpoint = "tcp://127.0.0.1:" + port;
    EngineClient c = clientFor(endpoint);

    try {
      assertThatThrownBy(() -> c.pruneContainers(PruneFilters.none()))
          .isInstanceOfSatisfying(EngineNotFoundException.class, e -> {
            assertThat(e.attempts()).hasSize(1);
            assertThat(e.attempts().get(0).endpoint()).isEqualTo(endpoint);
            assertThat(e.attempts().get(0).source()).isEqualTo("given endpoint");
            assertThat(e.attempts().get(0).failure()).contains("connection refused");
          })
          .hasMessageContaining(endpoint)
          .hasMessageContaining("connection refused");
    } finally {
      c.close();
    }
  }

  @Test
  void anUnknownSchemeIsNamed() {
    EngineClient c = clientFor("foo://x");

    // Reported like any other place that did not answer: with where the address came from.
    assertThatThrownBy(c::info)
        .isInstanceOfSatisfying(EngineNotFoundException.class, e -> assertThat(e.attempts()).singleElement()
            .satisfies(a -> assertThat(a.failure()).contains("'foo'").contains("foo://x")));
  }

  @Test
  void aClosedClientRefusesToWork() {
    EngineClient c = docker();

    c.close();

    assertThatThrownBy(() -> c.pruneContainers(PruneFilters.none())).isInstanceOf(IllegalStateException.class);
    assertThat(engine.requests()).isEmpty();
  }
}
