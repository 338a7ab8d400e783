package io.iechor.prune.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code --keep-storage}: bytes, or binary units in the CLI's spellings. */
class StorageSizeTest {

  @ParameterizedTest
  @CsvSource({
      "0, 0",
      "1024, 1024",
      "512b, 512",
      "1k, 1024",
      "1.5k, 1536",
      "512m, 536870912",
      "512MB, 536870912",
      "10GB, 10737418240",
      "10g, 10737418240",
      "10GiB, 10737418240",
      "'10 GB', 10737418240",
      "1t, 1099511627776",
      "2P, 2251799813685248",
      "0.5kb, 512",
      "1.0001k, 1024",
  })
  void parses(String text, long bytes) {
    assertThat(StorageSize.parse(text)).isEqualTo(bytes);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "GB", "10XB", "-1", "1.2.3", "10 G B", "ten", "10ib", "1e9"})
  void refusesWhatIsNotASize(String text) {
    assertThatThrownBy(() -> StorageSize.parse(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("is not a size")
        .hasMessageContaining("10GB");
  }

  @Test
  void refusesSizesBeyondALong() {
    assertThatThrownBy(() -> StorageSize.parse("9000000p"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("too large");
  }
}
