package io.iechor.prune.plan;

import io.iechor.prune.EngineInfo;
import java.util.List;
import java.util.Objects;

/**
 * What {@link PrunePlan#apply()} did: one outcome per planned object, in the order they were
 * handled (containers, networks, volumes, images, build cache), and the bytes freed.
 *
 * <pre>{@code
 * ApplyResult result = plan.apply();
 * System.out.println(result.removed().size() + " removed, " + ByteSize.format(result.reclaimedBytes()));
 * result.skipped().forEach(o -> System.out.println("kept " + o.removal().displayName() + ": " + o.reason().get()));
 * }</pre>
 */
public final class ApplyResult {
  private final List<RemovalOutcome> outcomes;
  private final EngineInfo engine;

  public ApplyResult(List<RemovalOutcome> outcomes, EngineInfo engine) {
    this.outcomes = List.copyOf(Objects.requireNonNull(outcomes, "outcomes"));
    this.engine = Objects.requireNonNull(engine, "engine");
  }

  /** Every planned object's outcome, in the order handled. */
  public List<RemovalOutcome> outcomes() {
    return outcomes;
  }

  /** Outcomes of the objects that were removed. */
  public List<RemovalOutcome> removed() {
    return select(RemovalOutcome.Status.REMOVED);
  }

  /** Outcomes of the objects left alone because they changed since the plan. */
  public List<RemovalOutcome> skipped() {
    return select(RemovalOutcome.Status.SKIPPED);
  }

  /** Outcomes of the objects the engine refused to remove. */
  public List<RemovalOutcome> failed() {
    return select(RemovalOutcome.Status.FAILED);
  }

  /** Whether every planned object was removed. */
  public boolean isComplete() {
    return outcomes.stream().allMatch(o -> o.status() == RemovalOutcome.Status.REMOVED);
  }

  /**
   * Bytes freed, as far as known: the engine's own count for build cache, the planned size for
   * the rest (the engine reports none when it removes one object). Objects of unknown size count
   * for nothing.
   */
  public long reclaimedBytes() {
    long total = 0;
    for (RemovalOutcome o : outcomes) {
      long b = o.reclaimedBytes().orElse(0);
      total = total > Long.MAX_VALUE - b ? Long.MAX_VALUE : total + b;
    }
    return total;
  }

  /** The engine that did the work. */
  public EngineInfo engine() {
    return engine;
  }

  private List<RemovalOutcome> select(RemovalOutcome.Status status) {
    return outcomes.stream().filter(o -> o.status() == status).toList();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ApplyResult r && outcomes.equals(r.outcomes) && engine.equals(r.engine);
  }

  @Override
  public int hashCode() {
    return Objects.hash(outcomes, engine);
  }

  @Override
  public String toString() {
    return "ApplyResult[removed=" + removed().size() + ", skipped=" + skipped().size() + ", failed="
        + failed().size() + ", reclaimedBytes=" + reclaimedBytes() + ", outcomes=" + outcomes + "]";
  }
}
