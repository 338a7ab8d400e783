package io.iechor.prune;

import io.iechor.prune.plan.PrunePlan;
import io.iechor.prune.report.NetworkPruneReport;
import io.iechor.prune.spi.PlanRequest;
import java.time.Duration;
import java.time.Instant;

/**
 * Removes user-defined networks that no running container is attached to. The predefined
 * {@code bridge}, {@code host} and {@code none} networks are never removed. On Docker, a network
 * used only by <em>stopped</em> containers counts as unused and is removed (those containers then
 * fail to start); Podman keeps networks that any container references.
 *
 * <pre>{@code
 * Pruner.networks().until(Instant.parse("2026-01-01T00:00:00Z")).run();
 * }</pre>
 */
public final class NetworkPrune extends LabelledPrune<NetworkPrune> {

  NetworkPrune(EngineRef engine, PruneFilters filters) {
    super(engine, filters);
  }

  /** Only networks created more than {@code age} ago, by the engine's clock. API 1.28+. */
  public NetworkPrune until(Duration age) {
    return until(Until.ago(age));
  }

  /** Only networks created before {@code moment}. API 1.28+. */
  public NetworkPrune until(Instant moment) {
    return until(Until.at(moment));
  }

  /** Only networks created before the cutoff. API 1.28+. */
  public NetworkPrune until(Until cutoff) {
    return with(filters.withUntil(cutoff));
  }

  /** Prunes now. */
  public NetworkPruneReport run() {
    return engine.get().pruneNetworks(filters);
  }

  /**
   * Lists the networks {@link #run()} would remove now and removes nothing;
   * {@link PrunePlan#apply()} then removes exactly those.
   *
   * <pre>{@code
   * PrunePlan plan = Pruner.networks().until(Duration.ofHours(24)).plan();
   * }</pre>
   */
  public PrunePlan plan() {
    return engine.get().plan(PlanRequest.networks(filters));
  }

  @Override
  NetworkPrune with(PruneFilters f) {
    return new NetworkPrune(engine, f);
  }

  @Override
  ObjectKind kind() {
    return ObjectKind.NETWORKS;
  }

  @Override
  public String toString() {
    return "NetworkPrune" + filters;
  }
}
