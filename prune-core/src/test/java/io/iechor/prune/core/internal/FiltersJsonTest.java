package io.iechor.prune.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The filters parameter's JSON text. */
class FiltersJsonTest {

  private static Object parse(String json) throws IOException {
    return SmallJson.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void aMapOfSetsWithTrueValuesInTheOrderAdded() {
    String json = new FiltersJson().add("until", "24h").add("label", "env=ci").add("label", "team")
        .add("dangling", "false").toJson();

    assertThat(json).isEqualTo(
        "{\"until\":{\"24h\":true},\"label\":{\"env=ci\":true,\"team\":true},\"dangling\":{\"false\":true}}");
  }

  @Test
  void aValueAddedTwiceIsSentOnce() {
    assertThat(new FiltersJson().add("label", "a").add("label", "a").toJson()).isEqualTo("{\"label\":{\"a\":true}}");
  }

  @Test
  void quotesBackslashesAndControlCharactersAreEscaped() throws IOException {
    String value = "q=\"quoted\" \\ back\ttab\n\u00e9\u2603";

    String json = new FiltersJson().add("label", value).toJson();

    assertThat(parse(json)).isEqualTo(Map.of("label", Map.of(value, true)));
  }

  @Test
  void emptyUntilSomethingIsAdded() {
    FiltersJson f = new FiltersJson();

    assertThat(f.isEmpty()).isTrue();
    assertThat(f.add("label", "x").isEmpty()).isFalse();
  }
}
