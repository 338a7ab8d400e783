package io.iechor.prune;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class FilterParserTest {

  @ParameterizedTest
  @EnumSource(value = ObjectKind.class, names = {"CONTAINERS", "IMAGES", "NETWORKS"})
  void untilAndLabelsForContainersImagesAndNetworks(ObjectKind kind) {
    PruneFilters f = FilterParser.parse(kind, List.of("until=24h", "label=env=ci", "label=team", "label!=keep"));

    assertThat(f.until()).contains(Until.parse("24h"));
    assertThat(f.labels()).containsExactly(Label.of("env", "ci"), Label.key("team"));
    assertThat(f.excludedLabels()).containsExactly(Label.key("keep"));
  }

  @Test
  void labelsForVolumes() {
    PruneFilters f = FilterParser.parse(ObjectKind.VOLUMES, List.of("label=env=ci", "label!=keep=true"));

    assertThat(f.labels()).containsExactly(Label.of("env", "ci"));
    assertThat(f.excludedLabels()).containsExactly(Label.of("keep", "true"));
  }

  @Test
  void untilOnVolumesIsRefusedWithTheFiltersThatWork() {
    assertThatThrownBy(() -> FilterParser.parse(ObjectKind.VOLUMES, List.of("until=24h")))
        .isInstanceOfSatisfying(InvalidFilterException.class,
            e -> assertThat(e.expression()).isEqualTo("until=24h"))
        .hasMessageContaining("volume prune")
        .hasMessageContaining("until")
        .hasMessageContaining("label=");
  }

  @Test
  void untilForBuildCacheAndItsOlderName() {
    assertThat(FilterParser.parse(ObjectKind.BUILD_CACHE, List.of("until=24h")).until()).contains(Until.parse("24h"));
    assertThat(FilterParser.parse(ObjectKind.BUILD_CACHE, List.of("unused-for=1h")).until())
        .contains(Until.parse("1h"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"label=env=ci", "label!=keep"})
  void labelsOnBuildCacheAreRefused(String expression) {
    assertThatThrownBy(() -> FilterParser.parse(ObjectKind.BUILD_CACHE, List.of(expression)))
        .isInstanceOf(InvalidFilterException.class)
        .hasMessageContaining("builder prune")
        .hasMessageContaining("label");
  }

  @Test
  void danglingOnImagesPointsToAll() {
    assertThatThrownBy(() -> FilterParser.parse(ObjectKind.IMAGES, List.of("dangling=false")))
        .isInstanceOf(InvalidFilterException.class)
        .hasMessageContaining("-a")
        .hasMessageContaining("all()");
  }

  @Test
  void allOnVolumesPointsToAll() {
    assertThatThrownBy(() -> FilterParser.parse(ObjectKind.VOLUMES, List.of("all=true")))
        .isInstanceOf(InvalidFilterException.class)
        .hasMessageContaining("-a")
        .hasMessageContaining("all()");
  }

  @Test
  void anUnknownFilterListsTheSupportedOnes() {
    assertThatThrownBy(() -> FilterParser.parse(ObjectKind.CONTAINERS, List.of("foo=bar")))
        .isInstanceOfSatisfying(InvalidFilterException.class,
            e -> assertThat(e.expression()).isEqualTo("foo=bar"))
        .hasMessageContaining("'foo'")
        .hasMessageContaining("container prune")
        .hasMessageContaining("until, label, label!");
  }

  @Test
  void theSupportedListDependsOnTheKind() {
    assertThatThrownBy(() -> FilterParser.parse(ObjectKind.VOLUMES, List.of("dangling=true")))
        .hasMessageContaining("volume prune")
        .hasMessageContaining("label, label!")
        .hasMessageNotContaining("until");
    assertThatThrownBy(() -> FilterParser.parse(ObjectKind.BUILD_CACHE, List.of("type=regular")))
        .hasMessageContaining("'type'")
        .hasMessageContaining("until");
    assertThatThrownBy(() -> FilterParser.parse(ObjectKind.NETWORKS, List.of("dangling=true")))
        .hasMessageContaining("network prune")
        .hasMessageContaining("until, label, label!");
    assertThatThrownBy(() -> FilterParser.parse(ObjectKind.CONTAINERS, List.of("unused-for=1h")))
        .hasMessageContaining("'unused-for'");
  }

  @ParameterizedTest
  @ValueSource(strings = {"until", "label", "env"})
  void anExpressionWithoutEqualsIsRefused(String expression) {
    assertThatThrownBy(() -> FilterParser.parse(ObjectKind.CONTAINERS, List.of(expression)))
        .isInstanceOf(InvalidFilterException.class)
        .hasMessageContaining("name=value");
  }

  @Test
  void theNameIsTrimmedAndLowerCasedAndTheValueTrimmed() {
    PruneFilters f = FilterParser.parse(ObjectKind.CONTAINERS, List.of(" UNTIL = 24h ", "Label=env=ci"));

    assertThat(f.until()).contains(Until.parse("24h"));
    assertThat(f.labels()).containsExactly(Label.of("env", "ci"));
  }

  @Test
  void excludedLabelWithAValue() {
    PruneFilters f = FilterParser.parse(ObjectKind.CONTAINERS, List.of("label!=env=prod"));

    assertThat(f.excludedLabels()).containsExactly(Label.of("env", "prod"));
    assertThat(f.labels()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"label=", "label==ci", "label!= ", "label!==x"})
  void aLabelNeedsAKey(String expression) {
    assertThatThrownBy(() -> FilterParser.parse(ObjectKind.CONTAINERS, List.of(expression)))
        .isInstanceOf(InvalidFilterException.class)
        .hasMessageContaining("label key");
  }

  @Test
  void twoUntilFiltersAreRefused() {
    assertThatThrownBy(() -> FilterParser.parse(ObjectKind.IMAGES, List.of("until=24h", "until=1h")))
        .isInstanceOf(InvalidFilterException.class)
        .hasMessageContaining("24h")
        .hasMessageContaining("until=1h");
    assertThatThrownBy(() -> FilterParser.parse(ObjectKind.BUILD_CACHE, List.of("until=24h", "unused-for=1h")))
        .isInstanceOf(InvalidFilterException.class);
  }

  @Test
  void aBadUntilValueIsRefusedWithTheReason() {
    assertThatThrownBy(() -> FilterParser.parse(ObjectKind.CONTAINERS, List.of("until=7d")))
        .isInstanceOf(InvalidFilterException.class)
        .hasMessageContaining("168h");
  }

  @Test
  void systemPruneTakesUntilAndLabels() {
    PruneFilters f = FilterParser.parseForSystem(List.of("until=24h", "label=env=ci", "label!=keep"));

    assertThat(f.expressions()).containsExactly("until=24h", "label=env=ci", "label!=keep");
    assertThatThrownBy(() -> FilterParser.parseForSystem(List.of("dangling=false")))
        .hasMessageContaining("-a");
    assertThatThrownBy(() -> FilterParser.parseForSystem(List.of("dangling=true")))
        .hasMessageContaining("by default");
    assertThatThrownBy(() -> FilterParser.parseForSystem(List.of("unused-for=1h")))
        .hasMessageContaining("system prune");
  }

  @Test
  void noExpressionsIsNoFilter() {
    assertThat(FilterParser.parse(ObjectKind.IMAGES, List.of())).isEqualTo(PruneFilters.none());
  }

  @Test
  void refusesNull() {
    assertThatThrownBy(() -> FilterParser.parse(null, List.of())).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> FilterParser.parse(ObjectKind.IMAGES, null)).isInstanceOf(NullPointerException.class);
  }
}
