package io.iechor.prune;

import io.iechor.prune.plan.PrunePlan;
import io.iechor.prune.report.BuildCachePruneReport;
import io.iechor.prune.spi.PlanRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * Removes build cache. By default only cache that no image shares; with {@link #all()}
 * everything. Build cache has no labels, so this step has no label filters.
 *
 * <pre>{@code
 * Pruner.buildCache().all().run();
 * Pruner.buildCache().keepStorage(10_000_000_000L).run();   // keep 10 GB
 * }</pre>
 *
 * <p>Needs API 1.31; filters and options need 1.39. Podman has no build-cache prune.
 */
public final class BuildCachePrune {
  private final EngineRef engine;
  private final PruneFilters filters;
  private final boolean all;
  private final long keepStorage;

  BuildCachePrune(EngineRef engine, PruneFilters filters, boolean all, long keepStorage) {
    this.engine = Objects.requireNonNull(engine, "engine");
    this.filters = filters;
    this.all = all;
    this.keepStorage = keepStorage;
  }

  /** All build cache, including cache shared with images (the CLI's {@code -a}). API 1.39+. */
  public BuildCachePrune all() {
    return new BuildCachePrune(engine, filters, true, keepStorage);
  }

  /**
   * Stop once at most {@code bytes} of cache remain (least recently used goes first). Sent as
   * {@code keep-storage} up to API 1.47 and {@code reserved-space} from 1.48. API 1.39+.
   */
  public BuildCachePrune keepStorage(long bytes) {
    if (bytes < 0) {
      throw new IllegalArgumentException("keepStorage must not be negative: " + bytes);
    }
    return new BuildCachePrune(engine, filters, all, bytes);
  }

  /** Only cache last used more than {@code age} ago, by the engine's clock. API 1.39+. */
  public BuildCachePrune until(Duration age) {
    return until(Until.ago(age));
  }

  /**
   * Only cache last used before {@code moment}. API 1.39+. Engines below API 1.43 accept only
   * durations here, so the library sends the time since {@code moment} by this machine's clock.
   */
  public BuildCachePrune until(Instant moment) {
    return until(Until.at(moment));
  }

  /** Only cache last used before the cutoff. API 1.39+. */
  public BuildCachePrune until(Until cutoff) {
    return new BuildCachePrune(engine, filters.withUntil(cutoff), all, keepStorage);
  }

  /**
   * Adds filters written as on the command line ({@code until=24h}).
   *
   * @throws InvalidFilterException when an expression is malformed or not supported here
   */
  public BuildCachePrune filter(String... expressions) {
    PruneFilters f = filters;
    for (String e : expressions) {
      f = FilterParser.add(ObjectKind.BUILD_CACHE, "builder prune", f, Objects.requireNonNull(e, "expression"));
    }
    return new BuildCachePrune(engine, f, all, keepStorage);
  }

  public boolean isAll() {
    return all;
  }

  /** The storage to keep, when set. */
  public OptionalLong keepStorage() {
    return keepStorage < 0 ? OptionalLong.empty() : OptionalLong.of(keepStorage);
  }

  public PruneFilters filters() {
    return filters;
  }

  /** Prunes now. */
  public BuildCachePruneReport run() {
    return engine.get().pruneBuildCache(filters, all, keepStorage());
  }

  /**
   * Lists the build-cache records {@link #run()} would remove now, with their sizes, and removes
   * nothing; {@link PrunePlan#apply()} then removes exactly those, each with a build prune whose
   * {@code id} filter matches only that record. Refused where {@link #run()} is (Podman has no
   * build cache; a system plan leaves it out and says so in {@link PrunePlan#notes()}).
   *
   * <pre>{@code
   * PrunePlan plan = Pruner.buildCache().until(Duration.ofDays(7)).plan();
   * }</pre>
   *
   * @throws UnsupportedFeatureException with {@link #keepStorage(long)}: which records the engine
   *     keeps to stay under the limit depends on its own size accounting at prune time, so no
   *     plan can name them
   */
  public PrunePlan plan() {
    if (keepStorage >= 0) {
      throw new UnsupportedFeatureException("build cache plan with keepStorage", null, null,
          "A dry run cannot name the build-cache records a prune keeping " + keepStorage + " bytes would remove:"
              + " the engine picks them by its own size accounting while it prunes. Leave out the storage limit"
              + " to see every record that could go");
    }
    return engine.get().plan(PlanRequest.buildCache(filters, all));
  }

  @Override
  public String toString() {
    return "BuildCachePrune[" + (all ? "all" : "unshared") + ", " + filters
        + (keepStorage < 0 ? "" : ", keepStorage=" + keepStorage) + "]";
  }
}
