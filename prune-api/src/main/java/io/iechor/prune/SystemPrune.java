package io.iechor.prune;

import io.iechor.prune.plan.PrunePlan;
import io.iechor.prune.report.SystemPruneReport;
import io.iechor.prune.spi.PlanRequest;
import java.time.Duration;
import java.time.Instant;

/**
 * Prunes everything unused, one kind after another as the iEchor CLI does: stopped containers,
 * unused networks, unused volumes (only with {@link #withVolumes()}), dangling images (every
 * unused image with {@link #all()}), and build cache (all of it with {@link #all()}). The filters
 * apply to each kind.
 *
 * <pre>{@code
 * SystemPruneReport s = Pruner.system().all().withVolumes().run();
 * }</pre>
 *
 * <p>As in the CLI, {@code all()} does not reach volumes: from API 1.42 a system prune removes
 * only anonymous volumes. One difference from the CLI, on the side of keeping things: a
 * {@code label} filter skips the build cache, which has no labels and so cannot match (the engine
 * would ignore the filter and prune all of it). The report says so in
 * {@link SystemPruneReport#buildCacheSkipped()}.
 */
public final class SystemPrune extends LabelledPrune<SystemPrune> {
  private final boolean all;
  private final boolean volumes;

  SystemPrune(EngineRef engine, PruneFilters filters, boolean all, boolean volumes) {
    super(engine, filters);
    this.all = all;
    this.volumes = volumes;
  }

  /** Every unused image, not only dangling ones, and all build cache (the CLI's {@code -a}). */
  public SystemPrune all() {
    return new SystemPrune(engine, filters, true, volumes);
  }

  /**
   * Prune unused volumes too (the CLI's {@code --volumes}).
   *
   * @throws InvalidFilterException when an {@code until} filter is set: volumes do not support it
   */
  public SystemPrune withVolumes() {
    checkUntilWithVolumes(filters, true);
    return new SystemPrune(engine, filters, all, true);
  }

  /** Only objects older than {@code age}, by the engine's clock. Not with volumes. */
  public SystemPrune until(Duration age) {
    return until(Until.ago(age));
  }

  /** Only objects older than {@code moment}. Not with volumes. */
  public SystemPrune until(Instant moment) {
    return until(Until.at(moment));
  }

  /** Only objects older than the cutoff. Not with volumes. */
  public SystemPrune until(Until cutoff) {
    return with(filters.withUntil(cutoff));
  }

  public boolean isAll() {
    return all;
  }

  public boolean includesVolumes() {
    return volumes;
  }

  /** Prunes now. */
  public SystemPruneReport run() {
    return engine.get().pruneSystem(filters, all, volumes);
  }

  /**
   * Lists everything {@link #run()} would remove now, kind by kind as it would go, and removes
   * nothing; {@link PrunePlan#apply()} then removes exactly those. The plan counts each kind as
   * the earlier kinds would leave the engine: an image used only by a container the plan removes
   * is unused by then.
   *
   * <pre>{@code
   * PrunePlan plan = Pruner.system().all().withVolumes().plan();
   * }</pre>
   */
  public PrunePlan plan() {
    return engine.get().plan(PlanRequest.system(filters, all, volumes));
  }

  @Override
  SystemPrune with(PruneFilters f) {
    checkUntilWithVolumes(f, volumes);
    return new SystemPrune(engine, f, all, volumes);
  }

  @Override
  ObjectKind kind() {
    return null;
  }

  private static void checkUntilWithVolumes(PruneFilters f, boolean volumes) {
    if (volumes && f.until().isPresent()) {
      throw new InvalidFilterException("until=" + f.until().get(),
          "The \"until\" filter is not supported with volumes (--volumes): the engine keeps no volume age");
    }
  }

  @Override
  public String toString() {
    return "SystemPrune[" + (all ? "all" : "default") + (volumes ? ", volumes" : "") + ", " + filters + "]";
  }
}
