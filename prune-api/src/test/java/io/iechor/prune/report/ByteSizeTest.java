package io.iechor.prune.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ByteSizeTest {

  @ParameterizedTest(name = "{0} bytes print as {1}")
  @CsvSource({
      "0, 0B",
      "1, 1B",
      "999, 999B",
      "1000, 1kB",
      "1234, 1.234kB",
      "12345, 12.35kB",
      "762880, 762.9kB",
      "999950, 1000kB",
      "999999, 1000kB",
      "1000000, 1MB",
      "16430000, 16.43MB",
      "9916311, 9.916MB",
      "1000000000, 1GB",
      "3000000000, 3GB",
      "1000000000000, 1TB",
      "9223372036854775807, 9.223EB"
  })
  void formatsAsTheCliDoes(long bytes, String expected) {
    assertThat(ByteSize.format(bytes)).isEqualTo(expected);
  }
}
