package io.iechor.prune.core.internal;

import io.iechor.prune.Until;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The moment an {@code until} filter stands for, worked out as the engine does at the time of the
 * plan, and the comparison each engine makes with it.
 */
final class Cutoff {
  private static final Pattern LOCAL = Pattern.compile(
      "(\\d{4}-\\d{2}-\\d{2})(?:T(\\d{2})(?::(\\d{2})(?::(\\d{2})(\\.\\d{1,9})?)?)?)?");

  private Cutoff() {
  }

  /**
   * The cutoff for containers, images and networks: a duration counts back from the engine's clock
   * and, as Docker (up to 29.3) and Podman compute it, to a whole second; a time without a zone is
   * read in the engine's zone.
   */
  static Instant of(Until until, OffsetDateTime engineNow) {
    if (until.isRelative()) {
      return engineNow.toInstant().minus(until.duration().orElseThrow()).truncatedTo(ChronoUnit.SECONDS);
    }
    return absolute(until, engineNow);
  }

  /** The cutoff for build cache: BuildKit keeps records used within {@code now - cutoff}, to the nanosecond. */
  static Instant forBuildCache(Until until, OffsetDateTime engineNow) {
    if (until.isRelative()) {
      return engineNow.toInstant().minus(until.duration().orElseThrow());
    }
    return absolute(until, engineNow);
  }

  private static Instant absolute(Until until, OffsetDateTime engineNow) {
    if (until.instant().isPresent()) {
      return until.instant().get();
    }
    Matcher m = LOCAL.matcher(until.value());
    if (!m.matches()) {
      throw new IllegalArgumentException("until=" + until.value() + " is neither a duration nor a time");
    }
    LocalDateTime local = LocalDate.parse(m.group(1)).atTime(part(m, 2), part(m, 3), part(m, 4),
        m.group(5) == null ? 0 : Integer.parseInt((m.group(5).substring(1) + "000000000").substring(0, 9)));
    // The engine reads it with its current UTC offset, which its clock reports.
    return local.toInstant(engineNow.getOffset());
  }

  private static int part(Matcher m, int group) {
    return m.group(group) == null ? 0 : Integer.parseInt(m.group(group));
  }

  /**
   * Whether an object created (or last used) at {@code time} is old enough to prune. Docker prunes
   * what is not after the cutoff; Podman what is strictly before it. An unknown time never is.
   */
  static boolean reached(Instant time, Instant cutoff, boolean strictlyBefore) {
    if (time == null) {
      return false;
    }
    return strictlyBefore ? time.isBefore(cutoff) : !time.isAfter(cutoff);
  }

  /**
   * Whether a time given to the second (list answers) is too close to the cutoff to decide: the
   * exact time must be inspected.
   */
  static boolean undecided(Instant wholeSeconds, Instant cutoff) {
    return wholeSeconds != null && !wholeSeconds.isAfter(cutoff) && wholeSeconds.plusSeconds(1).isAfter(cutoff);
  }
}
