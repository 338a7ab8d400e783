package io.iechor.prune.spi;

import io.iechor.prune.ObjectKind;
import io.iechor.prune.PruneFilters;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * What a dry run should cover: the kinds a prune step would touch and how, as
 * {@link PruneEngine#plan(PlanRequest)} receives it.
 *
 * <pre>{@code
 * PlanRequest r = PlanRequest.system(filters, true, false);   // system prune -a, no volumes
 * }</pre>
 *
 * @param kinds the kinds pruned; for a system prune, several
 * @param filters the filters, applied to every kind that takes them
 * @param allImages every unused image, not only dangling ones (the CLI's {@code -a})
 * @param allVolumes named volumes too where the API version would prune only anonymous ones
 * @param allBuildCache build cache shared with images too
 */
public record PlanRequest(Set<ObjectKind> kinds, PruneFilters filters, boolean allImages, boolean allVolumes,
    boolean allBuildCache) {

  public PlanRequest {
    Objects.requireNonNull(kinds, "kinds");
    if (kinds.isEmpty()) {
      throw new IllegalArgumentException("a plan needs at least one kind");
    }
    kinds = Set.copyOf(kinds);
    Objects.requireNonNull(filters, "filters");
  }

  public static PlanRequest containers(PruneFilters filters) {
    return new PlanRequest(Set.of(ObjectKind.CONTAINERS), filters, false, false, false);
  }

  public static PlanRequest images(PruneFilters filters, boolean all) {
    return new PlanRequest(Set.of(ObjectKind.IMAGES), filters, all, false, false);
  }

  public static PlanRequest volumes(PruneFilters filters, boolean all) {
    return new PlanRequest(Set.of(ObjectKind.VOLUMES), filters, false, all, false);
  }

  public static PlanRequest networks(PruneFilters filters) {
    return new PlanRequest(Set.of(ObjectKind.NETWORKS), filters, false, false, false);
  }

  public static PlanRequest buildCache(PruneFilters filters, boolean all) {
    return new PlanRequest(Set.of(ObjectKind.BUILD_CACHE), filters, false, false, all);
  }

  /** As a system prune: {@code all} reaches images and build cache but never volumes, as in the CLI. */
  public static PlanRequest system(PruneFilters filters, boolean all, boolean volumes) {
    Set<ObjectKind> kinds = EnumSet.of(ObjectKind.CONTAINERS, ObjectKind.NETWORKS, ObjectKind.IMAGES,
        ObjectKind.BUILD_CACHE);
    if (volumes) {
      kinds.add(ObjectKind.VOLUMES);
    }
    return new PlanRequest(kinds, filters, all, false, all);
  }

  /** Whether this is a system prune (more than one kind). */
  public boolean isSystem() {
    return kinds.size() > 1;
  }
}
