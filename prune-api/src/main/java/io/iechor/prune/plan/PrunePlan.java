package io.iechor.prune.plan;

import io.iechor.prune.EngineInfo;
import io.iechor.prune.ObjectKind;
import io.iechor.prune.spi.PruneEngine;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * A dry run: the exact objects a prune would remove now, worked out from the engine's list and
 * inspect answers with the engine's own rules for the negotiated API version. Nothing is removed
 * until {@link #apply()}.
 *
 * <pre>{@code
 * PrunePlan plan = Pruner.system().all().withVolumes().plan();
 * for (PlannedRemoval r : plan.removals()) {
 *   System.out.println(r.kind().noun() + "\t" + r.displayName() + "\t" + r.size());
 * }
 * System.out.println("total " + ByteSize.format(plan.totalSize()));
 * ApplyResult result = plan.apply();   // removes exactly these, skipping what changed since
 * }</pre>
 *
 * <p>The removals are in the order {@link #apply()} handles them: containers, networks, volumes,
 * images, build cache, so that each kind is unused by the time it goes (within a kind, children
 * before parents). Immutable; equality ignores the connection the plan will be applied through.
 */
public final class PrunePlan {
  private static final List<ObjectKind> ORDER = List.of(ObjectKind.CONTAINERS, ObjectKind.NETWORKS,
      ObjectKind.VOLUMES, ObjectKind.IMAGES, ObjectKind.BUILD_CACHE);

  private final PruneEngine engine;
  private final EngineInfo info;
  private final Instant plannedAt;
  private final List<PlannedRemoval> removals;
  private final List<String> notes;

  /**
   * For engine implementations ({@link PruneEngine#plan}); users get plans from a step's
   * {@code plan()}.
   *
   * @param engine the client {@link #apply()} goes through
   * @param info the engine and API version the plan was made for
   * @param plannedAt the engine's clock when it listed the objects
   * @param removals the objects; kept in their order within a kind, and put in dependency order
   * @param notes what the plan leaves out and why, e.g. build cache on an engine without it
   */
  public PrunePlan(PruneEngine engine, EngineInfo info, Instant plannedAt, List<PlannedRemoval> removals,
      List<String> notes) {
    this.engine = Objects.requireNonNull(engine, "engine");
    this.info = Objects.requireNonNull(info, "info");
    this.plannedAt = Objects.requireNonNull(plannedAt, "plannedAt");
    this.removals = Objects.requireNonNull(removals, "removals").stream()
        .sorted(Comparator.comparingInt(r -> ORDER.indexOf(r.kind()))).toList();
    this.notes = List.copyOf(Objects.requireNonNull(notes, "notes"));
  }

  /** Every object the prune would remove, in dependency order. */
  public List<PlannedRemoval> removals() {
    return removals;
  }

  /** The objects of one kind, in the order they would go. */
  public List<PlannedRemoval> removals(ObjectKind kind) {
    Objects.requireNonNull(kind, "kind");
    return removals.stream().filter(r -> r.kind() == kind).toList();
  }

  public boolean isEmpty() {
    return removals.isEmpty();
  }

  /** The sum of the known sizes, in bytes; see {@link #unknownSizes()}. */
  public long totalSize() {
    long total = 0;
    for (PlannedRemoval r : removals) {
      long b = r.size().orElse(0);
      total = total > Long.MAX_VALUE - b ? Long.MAX_VALUE : total + b;
    }
    return total;
  }

  /** How many objects the engine gave no size for (networks never have one). */
  public int unknownSizes() {
    return (int) removals.stream().filter(r -> r.size().isEmpty()).count();
  }

  /**
   * What this plan leaves out and why, e.g. {@code build cache: a label filter was given and
   * build cache has no labels}. Empty when it covers everything the prune would touch.
   */
  public List<String> notes() {
    return notes;
  }

  /** The engine and API version the plan follows the rules of. */
  public EngineInfo engine() {
    return info;
  }

  /** The engine's clock when the objects were listed; relative {@code until} cutoffs count from it. */
  public Instant plannedAt() {
    return plannedAt;
  }

  /**
   * Removes exactly the planned objects, in dependency order. Each object is checked again just
   * before it goes; one that changed since the plan (now used, newly tagged, recreated under the
   * same name, gone) is skipped, and an engine refusal is recorded as a failure rather than thrown.
   * Nothing that is not in the plan is removed.
   *
   * @throws io.iechor.prune.EngineConnectionException when the engine cannot be reached at all
   * @throws UnsupportedOperationException when the engine client cannot apply plans
   */
  public ApplyResult apply() {
    return engine.apply(this);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PrunePlan p && info.equals(p.info) && plannedAt.equals(p.plannedAt)
        && removals.equals(p.removals) && notes.equals(p.notes);
  }

  @Override
  public int hashCode() {
    return Objects.hash(info, plannedAt, removals, notes);
  }

  @Override
  public String toString() {
    return "PrunePlan[" + removals.size() + " objects, totalSize=" + totalSize() + ", unknownSizes="
        + unknownSizes() + ", plannedAt=" + plannedAt + ", removals=" + removals + ", notes=" + notes + "]";
  }
}
