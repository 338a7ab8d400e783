package io.iechor.prune;

import io.iechor.prune.report.BuildCachePruneReport;
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

  @Override
  public String toString() {
    return "BuildCachePrune[" + (all ? "all" : "unshared") + ", " + filters
        + (keepStorage < 0 ? "" : ", keepStorage=" + keepStorage) + "]";
  }
}
