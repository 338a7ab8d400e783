package io.iechor.prune.plan;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * What {@link PrunePlan#apply()} did with one planned object: removed it, skipped it because it
 * changed since the plan (the reason says how), or asked the engine, which refused.
 *
 * <pre>{@code
 * for (RemovalOutcome o : result.outcomes()) {
 *   switch (o.status()) {
 *     case REMOVED -> log.info("removed {}", o.removal().displayName());
 *     case SKIPPED -> log.info("kept {}: {}", o.removal().displayName(), o.reason().orElseThrow());
 *     case FAILED -> log.warn("{}: engine said {} {}", o.removal().displayName(),
 *         o.engineStatus().orElse(0), o.reason().orElseThrow());
 *   }
 * }
 * }</pre>
 */
public final class RemovalOutcome {

  /** The three outcomes. */
  public enum Status {
    /** The engine removed the object. */
    REMOVED,
    /** Not removed because it changed since the plan (in use, retagged, recreated, gone). */
    SKIPPED,
    /** The engine refused to remove it, or could not be asked. */
    FAILED
  }

  private final PlannedRemoval removal;
  private final Status status;
  private final String reason;
  private final int engineStatus;
  private final long reclaimedBytes;

  private RemovalOutcome(PlannedRemoval removal, Status status, String reason, int engineStatus,
      long reclaimedBytes) {
    this.removal = Objects.requireNonNull(removal, "removal");
    this.status = status;
    this.reason = reason;
    this.engineStatus = engineStatus;
    this.reclaimedBytes = reclaimedBytes;
  }

  /**
   * The object was removed.
   *
   * @param reclaimedBytes bytes freed: the engine's figure where it gives one (build cache),
   *     otherwise the planned size; empty when neither is known
   */
  public static RemovalOutcome removed(PlannedRemoval removal, OptionalLong reclaimedBytes) {
    Objects.requireNonNull(reclaimedBytes, "reclaimedBytes");
    return new RemovalOutcome(removal, Status.REMOVED, null, 0, reclaimedBytes.orElse(-1));
  }

  /** The object was left alone because it changed since the plan; {@code reason} says how. */
  public static RemovalOutcome skipped(PlannedRemoval removal, String reason) {
    return new RemovalOutcome(removal, Status.SKIPPED, requireText(reason), 0, -1);
  }

  /**
   * The engine refused the removal.
   *
   * @param engineStatus the HTTP status, or 0 when the engine could not be reached
   * @param engineMessage the engine's message, or what went wrong
   */
  public static RemovalOutcome failed(PlannedRemoval removal, int engineStatus, String engineMessage) {
    if (engineStatus < 0) {
      throw new IllegalArgumentException("engineStatus must not be negative: " + engineStatus);
    }
    return new RemovalOutcome(removal, Status.FAILED, requireText(engineMessage), engineStatus, -1);
  }

  public PlannedRemoval removal() {
    return removal;
  }

  public Status status() {
    return status;
  }

  /** Why it was skipped, or the engine's message when it failed; empty when removed. */
  public Optional<String> reason() {
    return Optional.ofNullable(reason);
  }

  /** The engine's HTTP status when it failed with an answer; empty otherwise. */
  public OptionalInt engineStatus() {
    return status == Status.FAILED && engineStatus > 0 ? OptionalInt.of(engineStatus) : OptionalInt.empty();
  }

  /** Bytes freed when removed and known; empty otherwise. Empty is not zero. */
  public OptionalLong reclaimedBytes() {
    return reclaimedBytes < 0 ? OptionalLong.empty() : OptionalLong.of(reclaimedBytes);
  }

  private static String requireText(String s) {
    Objects.requireNonNull(s, "reason");
    if (s.isBlank()) {
      throw new IllegalArgumentException("a reason must say something");
    }
    return s;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RemovalOutcome r && removal.equals(r.removal) && status == r.status
        && Objects.equals(reason, r.reason) && engineStatus == r.engineStatus && reclaimedBytes == r.reclaimedBytes;
  }

  @Override
  public int hashCode() {
    return Objects.hash(removal, status, reason, engineStatus, reclaimedBytes);
  }

  @Override
  public String toString() {
    String what = removal.kind().noun() + " " + removal.displayName();
    return switch (status) {
      case REMOVED -> "REMOVED " + what + reclaimedBytes().stream().mapToObj(b -> " (" + b + " bytes)")
          .findFirst().orElse("");
      case SKIPPED -> "SKIPPED " + what + ": " + reason;
      case FAILED -> "FAILED " + what + ": " + (engineStatus > 0 ? engineStatus + " " : "") + reason;
    };
  }
}
