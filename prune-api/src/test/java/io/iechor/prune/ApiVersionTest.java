package io.iechor.prune;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ApiVersionTest {

  @Test
  void readsMajorAndMinor() {
    assertThat(ApiVersion.parse("1.41")).isEqualTo(ApiVersion.of(1, 41)).hasToString("1.41");
    assertThat(ApiVersion.parse(" 1.9 ")).isEqualTo(ApiVersion.of(1, 9));
    assertThat(ApiVersion.parse("2")).isEqualTo(ApiVersion.of(2, 0));
  }

  @Test
  void ordersNumericallyNotAsText() {
    assertThat(ApiVersion.parse("1.9")).isLessThan(ApiVersion.parse("1.41"));
    assertThat(ApiVersion.of(1, 41).isAtLeast(ApiVersion.of(1, 41))).isTrue();
    assertThat(ApiVersion.of(1, 41).isBelow(ApiVersion.of(1, 42))).isTrue();
    assertThat(ApiVersion.of(2, 0).isBelow(ApiVersion.of(1, 99))).isFalse();
  }

  @Test
  void refusesWhatIsNotAVersion() {
    assertThatThrownBy(() -> ApiVersion.parse("1.x")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("1.x");
    assertThatThrownBy(() -> ApiVersion.parse("")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ApiVersion.of(1, -1)).isInstanceOf(IllegalArgumentException.class);
  }
}
