package io.iechor.prune;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code until} filter: prune only objects older than a cutoff.
 *
 * <p>Three forms, as the engine understands them:
 * <ul>
 *   <li>{@link #ago(Duration)}: relative, sent as a duration ({@code 24h}) so that the
 *       <em>engine's</em> clock decides what "24 hours ago" is;</li>
 *   <li>{@link #at(Instant)}: an absolute moment, sent in UTC ({@code 2026-01-01T00:00:00Z});</li>
 *   <li>{@link #parse(String)}: any text the engine accepts: a Go duration ({@code 90m},
 *       {@code 1h30m}), an RFC 3339 date or time with or without zone, or Unix seconds
 *       ({@code 1767225600.5}). A date or time without a zone is read by the engine in
 *       <em>its</em> time zone. A bare number is seconds since 1970, not "seconds ago".</li>
 * </ul>
 * What {@code until} is compared with depends on the kind: container and network creation time,
 * image build time (from the image's config, not when it was pulled), build-cache last use.
 */
public final class Until {
  private static final Pattern GO_DURATION =
      Pattern.compile("[-+]?(?:(?:\\d+(?:\\.\\d*)?|\\.\\d+)(?:ns|us|\u00b5s|\u03bcs|ms|s|m|h))+");
  private static final Pattern DURATION_PART =
      Pattern.compile("(\\d+(?:\\.\\d*)?|\\.\\d+)(ns|us|\u00b5s|\u03bcs|ms|s|m|h)");
  private static final Pattern UNIX = Pattern.compile("(\\d+)(?:\\.(\\d+))?");
  private static final Pattern DATE_TIME = Pattern.compile(
      "(\\d{4}-\\d{2}-\\d{2})(?:T(\\d{2})(?::(\\d{2})(?::(\\d{2})(\\.\\d{1,9})?)?)?)?([Zz]|[+-]\\d{2}:\\d{2})?");

  private final String value;
  private final Duration duration;
  private final Instant instant;

  private Until(String value, Duration duration, Instant instant) {
    this.value = value;
    this.duration = duration;
    this.instant = instant;
  }

  /**
   * Objects created (or, for build cache, last used) more than {@code age} ago. Sent as a
   * duration, so the engine's clock is the reference. A negative age reaches into the future
   * and so matches every object.
   */
  public static Until ago(Duration age) {
    Objects.requireNonNull(age, "age");
    return new Until(formatGoDuration(age), age, null);
  }

  /** Objects created (or, for build cache, last used) before {@code moment}. Sent in UTC. */
  public static Until at(Instant moment) {
    Objects.requireNonNull(moment, "moment");
    return new Until(DateTimeFormatter.ISO_INSTANT.format(moment), null, moment);
  }

  /**
   * Reads an {@code until} value as the engine does (see the class comment).
   *
   * @throws InvalidFilterException when the engine would not understand it; the message says why
   */
  public static Until parse(String text) {
    Objects.requireNonNull(text, "text");
    String v = text.trim();
    String expr = "until=" + text;
    if (v.isEmpty()) {
      throw new InvalidFilterException(expr, "The until filter needs a value, e.g. until=24h");
    }
    if (!v.equals("0") && GO_DURATION.matcher(v).matches()) {
      try {
        return new Until(v, parseGoDuration(v), null);
      } catch (ArithmeticException e) {
        throw new InvalidFilterException(expr, "until=" + v + " is too long a duration (at most about 290 years)");
      }
    }
    if (v.indexOf('-') >= 0) {
      Matcher m = DATE_TIME.matcher(v);
      if (!m.matches()) {
        throw new InvalidFilterException(expr, "until=" + v + " is neither a duration nor an RFC 3339 time"
            + " (2026-01-31, 2026-01-31T10:00:00Z)");
      }
      try {
        return new Until(v, null, dateTime(m));
      } catch (DateTimeException e) {
        throw new InvalidFilterException(expr, "until=" + v + " is not a valid date or time: " + e.getMessage());
      }
    }
    Matcher unix = UNIX.matcher(v);
    if (unix.matches()) {
      if (unix.group(2) != null && unix.group(2).length() > 9) {
        throw new InvalidFilterException(expr, "until=" + v + ": at most 9 digits after the point");
      }
      try {
        long seconds = Long.parseLong(unix.group(1));
        String frac = unix.group(2) == null ? "" : unix.group(2);
        long nanos = frac.isEmpty() ? 0 : Long.parseLong((frac + "000000000").substring(0, 9));
        return new Until(v, null, Instant.ofEpochSecond(seconds, nanos));
      } catch (NumberFormatException | DateTimeException e) {
        throw new InvalidFilterException(expr, "until=" + v + " is out of range");
      }
    }
    throw new InvalidFilterException(expr, "until=" + v + " is not a duration, a time or a Unix timestamp."
        + " Durations take the units h, m, s, ms, us, ns (7 days is until=168h);"
        + " times look like 2026-01-31T10:00:00Z");
  }

  /** The text sent to the engine. */
  public String value() {
    return value;
  }

  /** The age, when this is a relative cutoff. */
  public Optional<Duration> duration() {
    return Optional.ofNullable(duration);
  }

  /**
   * The moment, when this is absolute and its zone is known. Empty for relative cutoffs and for
   * times without a zone (which the engine reads in its own zone).
   */
  public Optional<Instant> instant() {
    return Optional.ofNullable(instant);
  }

  /** Whether this is a relative cutoff (a duration). */
  public boolean isRelative() {
    return duration != null;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Until u && value.equals(u.value);
  }

  @Override
  public int hashCode() {
    return value.hashCode();
  }

  @Override
  public String toString() {
    return value;
  }

  private static Instant dateTime(Matcher m) {
    LocalDate date = LocalDate.parse(m.group(1));
    int hour = m.group(2) == null ? 0 : Integer.parseInt(m.group(2));
    int minute = m.group(3) == null ? 0 : Integer.parseInt(m.group(3));
    int second = m.group(4) == null ? 0 : Integer.parseInt(m.group(4));
    int nanos = m.group(5) == null ? 0 : Integer.parseInt((m.group(5).substring(1) + "000000000").substring(0, 9));
    LocalDateTime local = date.atTime(hour, minute, second, nanos);
    String zone = m.group(6);
    if (zone == null) {
      return null; // read by the engine in its own zone: no instant can be known here
    }
    return OffsetDateTime.of(local, zone.equalsIgnoreCase("z")
        ? java.time.ZoneOffset.UTC : java.time.ZoneOffset.of(zone)).toInstant();
  }

  static Duration parseGoDuration(String text) {
    boolean negative = text.startsWith("-");
    String body = text.startsWith("-") || text.startsWith("+") ? text.substring(1) : text;
    BigDecimal nanos = BigDecimal.ZERO;
    Matcher m = DURATION_PART.matcher(body);
    while (m.find()) {
      BigDecimal n = new BigDecimal(m.group(1).endsWith(".") ? m.group(1) + "0" : m.group(1));
      long unit = switch (m.group(2)) {
        case "ns" -> 1L;
        case "us", "\u00b5s", "\u03bcs" -> 1_000L;
        case "ms" -> 1_000_000L;
        case "s" -> 1_000_000_000L;
        case "m" -> 60_000_000_000L;
        default -> 3_600_000_000_000L;
      };
      nanos = nanos.add(n.multiply(BigDecimal.valueOf(unit)));
    }
    Duration d = Duration.ofNanos(nanos.setScale(0, java.math.RoundingMode.DOWN).longValueExact());
    return negative ? d.negated() : d;
  }

  /** Formats a duration the way Go's {@code time.ParseDuration} reads it: {@code 24h}, {@code 1h30m}, {@code 1.5s}. */
  static String formatGoDuration(Duration d) {
    if (d.isZero()) {
      return "0s";
    }
    StringBuilder b = new StringBuilder();
    if (d.isNegative()) {
      b.append('-');
      d = d.negated();
    }
    long hours = d.toHours();
    int minutes = d.toMinutesPart();
    int seconds = d.toSecondsPart();
    int nanos = d.toNanosPart();
    if (hours > 0) {
      b.append(hours).append('h');
    }
    if (minutes > 0) {
      b.append(minutes).append('m');
    }
    if (seconds > 0 || nanos > 0) {
      b.append(seconds);
      if (nanos > 0) {
        String frac = String.format("%09d", nanos).replaceAll("0+$", "");
        b.append('.').append(frac);
      }
      b.append('s');
    }
    return b.toString();
  }
}
