package io.iechor.prune;

import io.iechor.prune.plan.PrunePlan;
import io.iechor.prune.report.VolumePruneReport;
import io.iechor.prune.spi.PlanRequest;

/**
 * Removes local volumes that no container (running or stopped) references.
 *
 * <p>Which volumes are in scope by default is the engine's rule for the negotiated API version:
 * below 1.42 (Docker 20.10 and older, Podman) every unused volume, named or anonymous; from 1.42
 * only anonymous ones. {@link #all()} includes named volumes on every version. Volumes have no
 * {@code until} filter: the engine refuses it.
 *
 * <pre>{@code
 * Pruner.volumes().withoutLabel("keep").run();
 * }</pre>
 */
public final class VolumePrune extends LabelledPrune<VolumePrune> {
  private final boolean all;

  VolumePrune(EngineRef engine, PruneFilters filters, boolean all) {
    super(engine, filters);
    this.all = all;
  }

  /** Named volumes too, not only anonymous ones (the CLI's {@code -a}). */
  public VolumePrune all() {
    return new VolumePrune(engine, filters, true);
  }

  public boolean isAll() {
    return all;
  }

  /** Prunes now. */
  public VolumePruneReport run() {
    return engine.get().pruneVolumes(filters, all);
  }

  /**
   * Lists the volumes {@link #run()} would remove now, with their sizes, and removes nothing;
   * {@link PrunePlan#apply()} then removes exactly those.
   *
   * <pre>{@code
   * PrunePlan plan = Pruner.volumes().withoutLabel("keep").plan();
   * }</pre>
   */
  public PrunePlan plan() {
    return engine.get().plan(PlanRequest.volumes(filters, all));
  }

  @Override
  VolumePrune with(PruneFilters f) {
    return new VolumePrune(engine, f, all);
  }

  @Override
  ObjectKind kind() {
    return ObjectKind.VOLUMES;
  }

  @Override
  public String toString() {
    return "VolumePrune[" + (all ? "all" : "default") + ", " + filters + "]";
  }
}
