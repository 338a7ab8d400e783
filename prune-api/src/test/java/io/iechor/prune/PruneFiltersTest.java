package io.iechor.prune;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class PruneFiltersTest {

  @Test
  void noneIsEmpty() {
    PruneFilters f = PruneFilters.none();

    assertThat(f.isEmpty()).isTrue();
    assertThat(f.until()).isEmpty();
    assertThat(f.labels()).isEmpty();
    assertThat(f.excludedLabels()).isEmpty();
    assertThat(f.expressions()).isEmpty();
  }

  @Test
  void everyChangeReturnsANewValueAndLeavesTheOriginalAlone() {
    PruneFilters base = PruneFilters.none().withLabel(Label.of("env", "ci"));

    PruneFilters more = base.withoutLabel(Label.key("keep")).withUntil(Until.parse("24h"));

    assertThat(more).isNotSameAs(base);
    assertThat(base.excludedLabels()).isEmpty();
    assertThat(base.until()).isEmpty();
    assertThat(base.expressions()).containsExactly("label=env=ci");
    assertThat(more.expressions()).containsExactly("until=24h", "label=env=ci", "label!=keep");
  }

  @Test
  void itsSetsCannotBeChanged() {
    PruneFilters f = PruneFilters.none().withLabel(Label.key("a")).withoutLabel(Label.key("b"));

    assertThatThrownBy(() -> f.labels().add(Label.key("x"))).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> f.excludedLabels().clear()).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> PruneFilters.none().labels().add(Label.key("x")))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> f.expressions().add("x")).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void keepsLabelsInTheOrderGivenWithoutRepeats() {
    PruneFilters f = PruneFilters.none().withLabel(Label.key("b")).withLabel(Label.key("a"))
        .withLabel(Label.key("b"));

    assertThat(f.labels()).containsExactly(Label.key("b"), Label.key("a"));
  }

  @Test
  void aLaterUntilReplacesAnEarlierOne() {
    PruneFilters f = PruneFilters.none().withUntil(Until.parse("24h")).withUntil(Until.parse("1h"));

    assertThat(f.until()).contains(Until.parse("1h"));
  }

  @Test
  void andJoinsBothAndTheOtherCutoffWins() {
    PruneFilters a = PruneFilters.none().withUntil(Until.parse("24h")).withLabel(Label.key("a"));
    PruneFilters b = PruneFilters.none().withUntil(Until.parse("1h")).withLabel(Label.key("b"))
        .withoutLabel(Label.key("keep"));

    PruneFilters both = a.and(b);

    assertThat(both.until()).contains(Until.parse("1h"));
    assertThat(both.labels()).containsExactly(Label.key("a"), Label.key("b"));
    assertThat(both.excludedLabels()).containsExactly(Label.key("keep"));
    assertThat(a.and(PruneFilters.none()).until()).contains(Until.parse("24h"));
  }

  @Test
  void equalByContent() {
    PruneFilters a = PruneFilters.none().withUntil(Until.ago(Duration.ofHours(24))).withLabel(Label.of("env", "ci"));
    PruneFilters b = PruneFilters.none().withLabel(Label.parse("env=ci")).withUntil(Until.parse("24h"));

    assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
    assertThat(a).isNotEqualTo(b.withoutLabel(Label.key("keep")));
    assertThat(a).isNotEqualTo(PruneFilters.none().withLabel(Label.of("env", "ci")));
    assertThat(PruneFilters.none().withLabel(Label.key("x")))
        .isNotEqualTo(PruneFilters.none().withoutLabel(Label.key("x")));
  }

  @Test
  void toStringShowsTheExpressions() {
    assertThat(PruneFilters.none().withUntil(Until.parse("24h")).withoutLabel(Label.key("keep")))
        .hasToString("[until=24h, label!=keep]");
  }

  @Test
  void refusesNull() {
    assertThatThrownBy(() -> PruneFilters.none().withLabel(null)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> PruneFilters.none().withUntil(null)).isInstanceOf(NullPointerException.class);
  }
}
