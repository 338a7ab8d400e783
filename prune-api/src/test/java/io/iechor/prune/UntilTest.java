package io.iechor.prune;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class UntilTest {

  @ParameterizedTest(name = "{0} is the duration {1}")
  @CsvSource({
      "24h, PT24H",
      "1h30m, PT1H30M",
      "1.5h, PT1H30M",
      "90m, PT1H30M",
      ".5h, PT30M",
      "1.h, PT1H",
      "500ms, PT0.5S",
      "1m30.5s, PT1M30.5S",
      "2h45m10s, PT2H45M10S",
      "1500us, PT0.0015S",
      "1500\u00b5s, PT0.0015S",
      "300ns, PT0.0000003S",
      "-1h, PT-1H",
      "+10m, PT10M",
      "0s, PT0S"
  })
  void readsGoDurations(String text, String iso) {
    Until u = Until.parse(text);

    assertThat(u.isRelative()).isTrue();
    assertThat(u.duration()).contains(Duration.parse(iso));
    assertThat(u.instant()).isEmpty();
    assertThat(u.value()).isEqualTo(text);
  }

  @ParameterizedTest(name = "{0} is written {1}")
  @CsvSource({
      "PT24H, 24h",
      "PT1H30M, 1h30m",
      "PT0.5S, 0.5s",
      "P7D, 168h",
      "PT1H1M1S, 1h1m1s",
      "PT-1H, -1h",
      "PT-1.5S, -1.5s",
      "PT0.000000001S, 0.000000001s",
      "PT0S, 0s"
  })
  void writesDurationsAsGoReadsThem(String iso, String expected) {
    assertThat(Until.ago(Duration.parse(iso)).value()).isEqualTo(expected);
  }

  @ParameterizedTest
  @ValueSource(strings = {"PT24H", "PT1H30M", "PT0.5S", "P7D", "PT-1H", "PT1M0.000001S", "PT1H0.25S", "PT0S"})
  void durationsSurviveARoundTrip(String iso) {
    Duration d = Duration.parse(iso);

    assertThat(Until.parse(Until.ago(d).value()).duration()).contains(d);
  }

  @Test
  void zeroIsTheUnixEpochNotADuration() {
    Until u = Until.parse("0");

    assertThat(u.isRelative()).isFalse();
    assertThat(u.instant()).contains(Instant.EPOCH);
  }

  @Test
  void aBareNumberIsSecondsSince1970() {
    assertThat(Until.parse("3600").instant()).contains(Instant.parse("1970-01-01T01:00:00Z"));
  }

  @Test
  void unixSecondsMayHaveAFraction() {
    assertThat(Until.parse("1767225600.5").instant())
        .contains(Instant.ofEpochSecond(1_767_225_600L, 500_000_000));
    assertThat(Until.parse("1.000000001").instant()).contains(Instant.ofEpochSecond(1, 1));
  }

  @Test
  void moreThanNineFractionDigitsAreRefused() {
    assertThatThrownBy(() -> Until.parse("1767225600.1234567891"))
        .isInstanceOf(InvalidFilterException.class)
        .hasMessageContaining("9 digits");
  }

  @Test
  void daysAreNotAGoUnitAndTheMessageSaysWhatToWriteInstead() {
    assertThatThrownBy(() -> Until.parse("7d"))
        .isInstanceOfSatisfying(InvalidFilterException.class,
            e -> assertThat(e.expression()).isEqualTo("until=7d"))
        .hasMessageContaining("168h");
  }

  @ParameterizedTest(name = "{0} is {1}")
  @CsvSource({
      "2026-01-31T10:00:00Z, 2026-01-31T10:00:00Z",
      "2026-01-31T10:00:00z, 2026-01-31T10:00:00Z",
      "2026-01-31T10:00:00+02:00, 2026-01-31T08:00:00Z",
      "2026-01-31T10:00:00.5-05:00, 2026-01-31T15:00:00.500Z",
      "2026-01-31T10:00:00.123456789Z, 2026-01-31T10:00:00.123456789Z",
      "2026-01-31T10:30Z, 2026-01-31T10:30:00Z",
      "2026-01-31T10Z, 2026-01-31T10:00:00Z",
      "2026-01-31Z, 2026-01-31T00:00:00Z",
      "2026-01-31+01:00, 2026-01-30T23:00:00Z"
  })
  void readsTimesWithAZoneAsInstants(String text, String expected) {
    Until u = Until.parse(text);

    assertThat(u.isRelative()).isFalse();
    assertThat(u.instant()).contains(Instant.parse(expected));
    assertThat(u.value()).isEqualTo(text);
  }

  @ParameterizedTest
  @ValueSource(strings = {"2026-01-31T10:00:00", "2026-01-31T10:00:00.25", "2026-01-31T10:00", "2026-01-31"})
  void timesWithoutAZoneAreKeptForTheEngineToRead(String text) {
    Until u = Until.parse(text);

    assertThat(u.value()).isEqualTo(text);
    assertThat(u.isRelative()).isFalse();
    assertThat(u.instant()).as("the engine reads it in its own zone").isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"2026-02-30", "2026-13-01", "2026-01-31T25:00:00Z", "2026-01-31T10:61Z",
      "2026-1-31", "2026-01-31T10:00:00.1234567891Z", "2026-01-31 10:00:00", "-1"})
  void refusesDatesTheEngineCannotRead(String text) {
    assertThatThrownBy(() -> Until.parse(text))
        .isInstanceOfSatisfying(InvalidFilterException.class,
            e -> assertThat(e.expression()).isEqualTo("until=" + text))
        .hasMessageContaining(text);
  }

  @ParameterizedTest
  @ValueSource(strings = {"yesterday", "1d", "1w", "24 h", "1H", "h", "1e9", "0x10", "1.5.5"})
  void refusesOtherText(String text) {
    assertThatThrownBy(() -> Until.parse(text)).isInstanceOf(InvalidFilterException.class);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "   "})
  void refusesAnEmptyValue(String text) {
    assertThatThrownBy(() -> Until.parse(text))
        .isInstanceOf(InvalidFilterException.class)
        .hasMessageContaining("needs a value");
  }

  @Test
  void refusesADurationLongerThanGoCanHold() {
    assertThatThrownBy(() -> Until.parse("3000000h"))
        .isInstanceOf(InvalidFilterException.class)
        .hasMessageContaining("too long");
  }

  @Test
  void trimsTheValue() {
    assertThat(Until.parse("  24h ").value()).isEqualTo("24h");
  }

  @Test
  void anInstantIsSentInUtc() {
    Until u = Until.at(Instant.parse("2026-01-01T00:00:00Z"));

    assertThat(u.value()).isEqualTo("2026-01-01T00:00:00Z");
    assertThat(u.instant()).contains(Instant.parse("2026-01-01T00:00:00Z"));
    assertThat(u.duration()).isEmpty();
    assertThat(Until.at(Instant.parse("2026-01-01T00:00:00.123Z")).value()).isEqualTo("2026-01-01T00:00:00.123Z");
  }

  @Test
  void equalWhenTheyAreSentAsTheSameText() {
    assertThat(Until.ago(Duration.ofMinutes(90))).isEqualTo(Until.parse("1h30m"))
        .hasSameHashCodeAs(Until.parse("1h30m"));
    assertThat(Until.parse("90m")).isNotEqualTo(Until.parse("1h30m"));
    assertThat(Until.parse("24h")).hasToString("24h");
  }

  @Test
  void refusesNull() {
    assertThatThrownBy(() -> Until.parse(null)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> Until.ago(null)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> Until.at(null)).isInstanceOf(NullPointerException.class);
  }
}
