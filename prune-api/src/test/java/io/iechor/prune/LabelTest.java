package io.iechor.prune;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LabelTest {

  @Test
  void splitsAtTheFirstEqualsSign() {
    Label l = Label.parse("a=b=c");

    assertThat(l.key()).isEqualTo("a");
    assertThat(l.value()).contains("b=c");
    assertThat(l).hasToString("a=b=c");
  }

  @Test
  void aKeyAloneMatchesAnyValue() {
    Label l = Label.parse("env");

    assertThat(l.key()).isEqualTo("env");
    assertThat(l.value()).isEmpty();
    assertThat(l).hasToString("env").isEqualTo(Label.key("env"));
  }

  @Test
  void anEmptyValueIsAValue() {
    Label l = Label.parse("env=");

    assertThat(l.value()).contains("");
    assertThat(l).hasToString("env=").isEqualTo(Label.of("env", "")).isNotEqualTo(Label.key("env"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"=x", "", "  ", " =x"})
  void refusesAnEmptyKey(String text) {
    assertThatThrownBy(() -> Label.parse(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("empty");
  }

  @Test
  void aKeyCannotHoldAnEqualsSign() {
    assertThatThrownBy(() -> Label.of("a=b", "c"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("a=b");
    assertThatThrownBy(() -> Label.key("a=b")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void equalByKeyAndValue() {
    assertThat(Label.of("env", "ci")).isEqualTo(Label.parse("env=ci")).hasSameHashCodeAs(Label.parse("env=ci"));
    assertThat(Label.of("env", "ci")).isNotEqualTo(Label.of("env", "prod")).isNotEqualTo(Label.of("team", "ci"));
  }

  @Test
  void refusesNull() {
    assertThatThrownBy(() -> Label.parse(null)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> Label.of("env", null)).isInstanceOf(NullPointerException.class);
  }
}
