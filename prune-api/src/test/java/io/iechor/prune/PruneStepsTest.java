package io.iechor.prune;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.iechor.prune.RecordingEngine.Call;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class PruneStepsTest {
  private final RecordingEngine engine = new RecordingEngine();
  private final AtomicInteger lookups = new AtomicInteger();
  private final PruneClient client = new PruneClient(() -> {
    lookups.incrementAndGet();
    return engine;
  }, engine::close);

  private static PruneFilters filters(String... expressions) {
    return FilterParser.parseForSystem(List.of(expressions));
  }

  @Test
  void buildingAStepDoesNotTouchTheEngine() {
    client.images().all().withLabel("env", "ci").until(Duration.ofHours(1));
    client.system().all().withVolumes();

    assertThat(lookups).hasValue(0);
    assertThat(engine.calls).isEmpty();
  }

  @Test
  void withLabelReturnsANewStepAndLeavesTheOriginalUnchanged() {
    ContainerPrune base = client.containers();

    ContainerPrune labelled = base.withLabel("env", "ci");

    assertThat(labelled).isNotSameAs(base);
    assertThat(base.filters()).isEqualTo(PruneFilters.none());
    assertThat(labelled.filters().labels()).containsExactly(Label.of("env", "ci"));
  }

  @Test
  void aPartlyBuiltStepIsAReusableTemplate() {
    ContainerPrune template = client.containers().withLabel("env", "ci");

    template.until(Duration.ofHours(24)).run();
    template.withoutLabel("keep").run();
    template.run();

    assertThat(engine.calls).extracting(Call::filters).containsExactly(
        filters("label=env=ci", "until=24h"),
        filters("label=env=ci", "label!=keep"),
        filters("label=env=ci"));
  }

  @Test
  void eachLabelMethodAddsTheRightCondition() {
    NetworkPrune n = client.networks().withLabel("a").withLabel("b", "1").withoutLabel("c").withoutLabel("d", "2");

    assertThat(n.filters().expressions()).containsExactly("label=a", "label=b=1", "label!=c", "label!=d=2");
  }

  @Test
  void containersSendTheirFilters() {
    client.containers().until(Instant.parse("2026-01-01T00:00:00Z")).filter("label!=keep").run();

    Call c = engine.only();
    assertThat(c.method()).isEqualTo("pruneContainers");
    assertThat(c.filters().expressions()).containsExactly("until=2026-01-01T00:00:00Z", "label!=keep");
  }

  @Test
  void imagesAreDanglingOnlyUnlessAll() {
    ImagePrune dangling = client.images();
    ImagePrune all = dangling.all();

    dangling.run();
    all.until(Duration.ofHours(24)).run();

    assertThat(dangling.isAll()).isFalse();
    assertThat(all.isAll()).isTrue();
    assertThat(engine.calls).extracting(Call::method, Call::all)
        .containsExactly(tuple("pruneImages", false), tuple("pruneImages", true));
    assertThat(engine.calls.get(1).filters().until()).contains(Until.parse("24h"));
  }

  @Test
  void aFilterKeepsAll() {
    assertThat(client.images().all().withLabel("x").isAll()).isTrue();
    assertThat(client.volumes().all().withoutLabel("keep").isAll()).isTrue();
  }

  @Test
  void volumesRefuseUntilHoweverItIsGiven() {
    assertThatThrownBy(() -> client.volumes().filter("until=24h")).isInstanceOf(InvalidFilterException.class);
    assertThatThrownBy(() -> client.volumes().where(filters("until=24h")))
        .isInstanceOf(InvalidFilterException.class)
        .hasMessageContaining("volume prune");
    assertThat(engine.calls).isEmpty();
  }

  @Test
  void volumesSendAll() {
    client.volumes().all().withLabel("env", "ci").run();

    Call c = engine.only();
    assertThat(c.method()).isEqualTo("pruneVolumes");
    assertThat(c.all()).isTrue();
    assertThat(c.filters().expressions()).containsExactly("label=env=ci");
  }

  @Test
  void whereAddsSharedFilters() {
    PruneFilters shared = filters("until=24h", "label=env=ci");

    client.networks().withoutLabel("keep").where(shared).run();

    assertThat(engine.only().filters().expressions()).containsExactly("until=24h", "label=env=ci", "label!=keep");
  }

  @Test
  void buildCacheOptions() {
    BuildCachePrune base = client.buildCache();
    BuildCachePrune tuned = base.all().keepStorage(10_000_000_000L).until(Duration.ofHours(48));

    tuned.run();

    assertThat(base.isAll()).isFalse();
    assertThat(base.keepStorage()).isEmpty();
    assertThat(base.filters()).isEqualTo(PruneFilters.none());
    Call c = engine.only();
    assertThat(c.method()).isEqualTo("pruneBuildCache");
    assertThat(c.all()).isTrue();
    assertThat(c.keepStorage()).isEqualTo(OptionalLong.of(10_000_000_000L));
    assertThat(c.filters().until()).contains(Until.parse("48h"));
  }

  @Test
  void buildCacheByDefaultKeepsNoStorageLimit() {
    client.buildCache().run();

    assertThat(engine.only().keepStorage()).isEmpty();
    assertThat(engine.only().all()).isFalse();
  }

  @Test
  void buildCacheRefusesLabelsAndNegativeStorage() {
    assertThatThrownBy(() -> client.buildCache().filter("label=env=ci")).isInstanceOf(InvalidFilterException.class);
    assertThatThrownBy(() -> client.buildCache().keepStorage(-1)).isInstanceOf(IllegalArgumentException.class);
    assertThat(client.buildCache().keepStorage(0).keepStorage()).isEqualTo(OptionalLong.of(0));
    assertThat(client.buildCache().filter("unused-for=1h").filters().until()).contains(Until.parse("1h"));
  }

  @Test
  void systemPruneRefusesUntilWithVolumesInEitherOrder() {
    SystemPrune system = client.system();

    assertThatThrownBy(() -> system.until(Duration.ofHours(24)).withVolumes())
        .isInstanceOf(InvalidFilterException.class)
        .hasMessageContaining("until")
        .hasMessageContaining("volumes");
    assertThatThrownBy(() -> system.withVolumes().until(Duration.ofHours(24)))
        .isInstanceOf(InvalidFilterException.class)
        .hasMessageContaining("until")
        .hasMessageContaining("volumes");
    assertThatThrownBy(() -> system.withVolumes().filter("until=24h")).isInstanceOf(InvalidFilterException.class);
    assertThatThrownBy(() -> system.withVolumes().where(filters("until=24h")))
        .isInstanceOf(InvalidFilterException.class);
    assertThat(engine.calls).isEmpty();
  }

  @Test
  void systemPruneTakesLabelsWithVolumesAndUntilWithoutThem() {
    client.system().all().withVolumes().withLabel("env", "ci").run();
    client.system().until(Duration.ofHours(24)).run();

    assertThat(engine.calls).extracting(Call::method).containsExactly("pruneSystem", "pruneSystem");
    Call first = engine.calls.get(0);
    assertThat(first.all()).isTrue();
    assertThat(first.volumes()).isTrue();
    assertThat(first.filters().expressions()).containsExactly("label=env=ci");
    Call second = engine.calls.get(1);
    assertThat(second.volumes()).isFalse();
    assertThat(second.all()).isFalse();
    assertThat(second.filters().until()).contains(Until.parse("24h"));
  }

  @Test
  void systemPruneFlagsAreIndependent() {
    SystemPrune base = client.system();

    assertThat(base.all().isAll()).isTrue();
    assertThat(base.all().includesVolumes()).isFalse();
    assertThat(base.withVolumes().includesVolumes()).isTrue();
    assertThat(base.isAll()).isFalse();
    assertThat(base.includesVolumes()).isFalse();
  }

  @Test
  void stepsDescribeThemselves() {
    assertThat(client.images().all().withLabel("env", "ci")).hasToString("ImagePrune[all, [label=env=ci]]");
    assertThat(client.volumes()).hasToString("VolumePrune[default, []]");
    assertThat(client.buildCache().keepStorage(5)).hasToString("BuildCachePrune[unshared, [], keepStorage=5]");
    assertThat(client.system().all().withVolumes()).hasToString("SystemPrune[all, volumes, []]");
    assertThat(client.containers().until(Duration.ofHours(1))).hasToString("ContainerPrune[until=1h]");
  }

  @Test
  void engineAndCloseGoToTheEngine() {
    assertThat(client.engine()).isEqualTo(RecordingEngine.INFO);

    client.close();

    assertThat(engine.closed).isEqualTo(1);
  }
}
