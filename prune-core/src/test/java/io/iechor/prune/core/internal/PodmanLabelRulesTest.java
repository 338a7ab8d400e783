package io.iechor.prune.core.internal;

import static io.iechor.prune.core.internal.FakeEngine.filters;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.iechor.prune.FilterParser;
import io.iechor.prune.PruneFilters;
import io.iechor.prune.UnsupportedFeatureException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Podman combines several label filters on images and volumes differently from Docker and would
 * remove what they should keep (found by the real-engine property test): such prunes are refused
 * before anything is sent, while one label filter still goes through.
 */
class PodmanLabelRulesTest {
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

  @Test
  void danglingImagePruneWithALabelAndAnExcludedLabelIsRefusedOnPodman4() {
    engine = FakeEngine.podman("1.41");

    assertThatThrownBy(() -> engine.client().pruneImages(f("label=run=1", "label!=keep"), false))
        .isInstanceOf(UnsupportedFeatureException.class)
        .hasMessageContaining("Libpod/4.3.1")
        .hasMessageContaining("nothing was sent");
    assertThat(engine.pruneRequests()).isEmpty();
  }

  @Test
  void danglingImagePruneWithTwoLabelsIsSentOnPodman5() {
    engine = FakeEngine.podman("1.41", "5.8.2").answer("{\"ImagesDeleted\":[],\"SpaceReclaimed\":0}");

    engine.client().pruneImages(f("label=run=1", "label!=keep"), false);

    assertThat(filters(engine.onlyPruneRequest())).isEqualTo(Map.of("label", Map.of("run=1", true),
        "label!", Map.of("keep", true)));
  }

  @Test
  void allImagesWithTwoLabelsIsRefusedOnEveryPodman() {
    engine = FakeEngine.podman("1.41", "5.8.2");

    assertThatThrownBy(() -> engine.client().pruneImages(f("label=run=1", "label=env=ci"), true))
        .isInstanceOf(UnsupportedFeatureException.class)
        .hasMessageContaining("image prune --all");
    assertThat(engine.pruneRequests()).isEmpty();
  }

  @Test
  void allImagesWithALabelAndAnExcludedLabelIsRefused() {
    engine = FakeEngine.podman("1.41");

    assertThatThrownBy(() -> engine.client().pruneImages(f("label=run=1", "label!=keep"), true))
        .isInstanceOf(UnsupportedFeatureException.class);
    assertThat(engine.pruneRequests()).isEmpty();
  }

  @Test
  void allImagesWithOneLabelIsSent() {
    engine = FakeEngine.podman("1.41").answer("[]");

    engine.client().pruneImages(f("label=run=1"), true);

    assertThat(engine.onlyPruneRequest().getUrl().encodedPath()).isEqualTo("/v4.0.0/libpod/images/prune");
  }

  @Test
  void volumePruneWithTwoLabelsIsRefusedOnPodman() {
    engine = FakeEngine.podman("1.41", "5.8.2");

    assertThatThrownBy(() -> engine.client().pruneVolumes(f("label=run=1", "label=env=ci"), true))
        .isInstanceOf(UnsupportedFeatureException.class)
        .hasMessageContaining("volume prune");
    assertThat(engine.pruneRequests()).isEmpty();
  }

  @Test
  void systemPruneWithTwoLabelsOnPodmanSendsNothingAtAll() {
    engine = FakeEngine.podman("1.41");

    assertThatThrownBy(() -> engine.client().pruneSystem(f("label=run=1", "label=env=ci"), false, true))
        .isInstanceOf(UnsupportedFeatureException.class);
    assertThat(engine.pruneRequests()).isEmpty();
  }

  @Test
  void dockerTakesSeveralLabelsAsIs() {
    engine = FakeEngine.docker("1.41").answer("{\"ImagesDeleted\":null,\"SpaceReclaimed\":0}");

    engine.client().pruneImages(f("label=run=1", "label=env=ci", "label!=keep"), true);

    assertThat(filters(engine.onlyPruneRequest())).isEqualTo(Map.of("label", Map.of("run=1", true, "env=ci", true),
        "label!", Map.of("keep", true), "dangling", Map.of("false", true)));
  }
}
