package io.iechor.prune;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * An immutable set of prune filters: at most one {@link Until} cutoff, labels the objects must
 * have, and labels that exclude them.
 *
 * <p>How the engine combines them: every {@code label} condition must hold (AND); an object is
 * kept when it matches <em>all</em> the excluded labels together (with one excluded label, that is
 * simply "objects with that label are kept"); an object without labels never matches a
 * {@code label} condition and is never excluded. All groups combine with AND.
 */
public final class PruneFilters {
  private static final PruneFilters NONE = new PruneFilters(null, Set.of(), Set.of());

  private final Until until;
  private final Set<Label> labels;
  private final Set<Label> excludedLabels;

  private PruneFilters(Until until, Set<Label> labels, Set<Label> excludedLabels) {
    this.until = until;
    this.labels = labels;
    this.excludedLabels = excludedLabels;
  }

  /** No filter at all. */
  public static PruneFilters none() {
    return NONE;
  }

  public Optional<Until> until() {
    return Optional.ofNullable(until);
  }

  /** Labels an object must have to be pruned ({@code label=...}), in the order given. */
  public Set<Label> labels() {
    return labels;
  }

  /** Labels that keep an object ({@code label!=...}), in the order given. */
  public Set<Label> excludedLabels() {
    return excludedLabels;
  }

  public boolean isEmpty() {
    return until == null && labels.isEmpty() && excludedLabels.isEmpty();
  }

  /** A copy with {@code until} set, replacing any earlier cutoff. */
  public PruneFilters withUntil(Until until) {
    return new PruneFilters(Objects.requireNonNull(until, "until"), labels, excludedLabels);
  }

  /** A copy that also requires {@code label}. */
  public PruneFilters withLabel(Label label) {
    return new PruneFilters(until, add(labels, label), excludedLabels);
  }

  /** A copy that also keeps objects with {@code label}. */
  public PruneFilters withoutLabel(Label label) {
    return new PruneFilters(until, labels, add(excludedLabels, label));
  }

  /** This set and {@code other} together; {@code other}'s cutoff wins when both have one. */
  public PruneFilters and(PruneFilters other) {
    PruneFilters r = other.until == null ? this : withUntil(other.until);
    for (Label l : other.labels) {
      r = r.withLabel(l);
    }
    for (Label l : other.excludedLabels) {
      r = r.withoutLabel(l);
    }
    return r;
  }

  /**
   * The filters as the CLI writes them, e.g. {@code [until=24h, label=env=ci, label!=keep]}.
   */
  public List<String> expressions() {
    List<String> out = new ArrayList<>();
    if (until != null) {
      out.add("until=" + until.value());
    }
    labels.forEach(l -> out.add("label=" + l));
    excludedLabels.forEach(l -> out.add("label!=" + l));
    return Collections.unmodifiableList(out);
  }

  private static Set<Label> add(Set<Label> set, Label label) {
    Objects.requireNonNull(label, "label");
    if (set.contains(label)) {
      return set;
    }
    LinkedHashSet<Label> copy = new LinkedHashSet<>(set);
    copy.add(label);
    return Collections.unmodifiableSet(copy);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PruneFilters f && Objects.equals(until, f.until) && labels.equals(f.labels)
        && excludedLabels.equals(f.excludedLabels);
  }

  @Override
  public int hashCode() {
    return Objects.hash(until, labels, excludedLabels);
  }

  @Override
  public String toString() {
    return expressions().toString();
  }
}
