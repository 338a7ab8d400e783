package io.iechor.prune;

import io.iechor.prune.plan.PrunePlan;
import io.iechor.prune.report.ContainerPruneReport;
import io.iechor.prune.spi.PlanRequest;
import java.time.Duration;
import java.time.Instant;

/**
 * Removes stopped containers: exited, dead, and created but never started. Running, paused and
 * restarting containers are never removed. Their anonymous volumes stay behind for a volume prune.
 *
 * <pre>{@code
 * ContainerPruneReport r = Pruner.containers().withLabel("env", "ci").until(Duration.ofHours(24)).run();
 * }</pre>
 */
public final class ContainerPrune extends LabelledPrune<ContainerPrune> {

  ContainerPrune(EngineRef engine, PruneFilters filters) {
    super(engine, filters);
  }

  /** Only containers created more than {@code age} ago, by the engine's clock. API 1.28+. */
  public ContainerPrune until(Duration age) {
    return until(Until.ago(age));
  }

  /** Only containers created before {@code moment}. API 1.28+. */
  public ContainerPrune until(Instant moment) {
    return until(Until.at(moment));
  }

  /** Only containers created before the cutoff. API 1.28+. */
  public ContainerPrune until(Until cutoff) {
    return with(filters.withUntil(cutoff));
  }

  /** Prunes now. */
  public ContainerPruneReport run() {
    return engine.get().pruneContainers(filters);
  }

  /**
   * Lists the containers {@link #run()} would remove now, with their writable-layer sizes, and
   * removes nothing; {@link PrunePlan#apply()} then removes exactly those.
   *
   * <pre>{@code
   * PrunePlan plan = Pruner.containers().withLabel("env", "ci").plan();
   * }</pre>
   */
  public PrunePlan plan() {
    return engine.get().plan(PlanRequest.containers(filters));
  }

  @Override
  ContainerPrune with(PruneFilters f) {
    return new ContainerPrune(engine, f);
  }

  @Override
  ObjectKind kind() {
    return ObjectKind.CONTAINERS;
  }

  @Override
  public String toString() {
    return "ContainerPrune" + filters;
  }
}
