package io.iechor.prune;

import io.iechor.prune.plan.PrunePlan;
import io.iechor.prune.report.ImagePruneReport;
import io.iechor.prune.spi.PlanRequest;
import java.time.Duration;
import java.time.Instant;

/**
 * Removes dangling images (untagged and not used by any container), or with {@link #all()} every
 * image that no container uses, whether the container runs or not.
 *
 * <pre>{@code
 * ImagePruneReport r = Pruner.images().all().until(Duration.ofHours(24)).run();
 * }</pre>
 *
 * <p>{@code until} compares with the image's build time from its configuration, not with when it
 * arrived on this engine: an old image pulled a minute ago is older than 24 hours.
 */
public final class ImagePrune extends LabelledPrune<ImagePrune> {
  private final boolean all;

  ImagePrune(EngineRef engine, PruneFilters filters, boolean all) {
    super(engine, filters);
    this.all = all;
  }

  /** Every unused image, not only dangling ones (the CLI's {@code -a}). */
  public ImagePrune all() {
    return new ImagePrune(engine, filters, true);
  }

  /** Only images built more than {@code age} ago, by the engine's clock. API 1.28+. */
  public ImagePrune until(Duration age) {
    return until(Until.ago(age));
  }

  /** Only images built before {@code moment}. API 1.28+. */
  public ImagePrune until(Instant moment) {
    return until(Until.at(moment));
  }

  /** Only images built before the cutoff. API 1.28+. */
  public ImagePrune until(Until cutoff) {
    return with(filters.withUntil(cutoff));
  }

  /** Whether every unused image is in scope, not only dangling ones. */
  public boolean isAll() {
    return all;
  }

  /** Prunes now. */
  public ImagePruneReport run() {
    return engine.get().pruneImages(filters, all);
  }

  /**
   * Lists the images {@link #run()} would remove now, with their tags and sizes, and removes
   * nothing; {@link PrunePlan#apply()} then removes exactly those.
   *
   * <pre>{@code
   * PrunePlan plan = Pruner.images().all().until(Duration.ofHours(24)).plan();
   * }</pre>
   */
  public PrunePlan plan() {
    return engine.get().plan(PlanRequest.images(filters, all));
  }

  @Override
  ImagePrune with(PruneFilters f) {
    return new ImagePrune(engine, f, all);
  }

  @Override
  ObjectKind kind() {
    return ObjectKind.IMAGES;
  }

  @Override
  public String toString() {
    return "ImagePrune[" + (all ? "all" : "dangling") + ", " + filters + "]";
  }
}
