package io.iechor.prune.core.internal;

import io.iechor.prune.ObjectKind;
import io.iechor.prune.PruneFilters;
import io.iechor.prune.plan.PlannedRemoval;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The containers a container prune removes: every one not running (created, exited, dead; on
 * Podman also stopped and configured, but none in a pod) whose labels match, created before the
 * {@code until} cutoff.
 */
final class ContainerPlanner {

  private ContainerPlanner() {
  }

  static List<PlannedRemoval> plan(Snapshot s, Dialect d, PruneFilters f) {
    LabelRule rule = d.labels(ObjectKind.CONTAINERS);
    Instant cutoff = f.until().map(u -> Cutoff.of(u, s.now())).orElse(null);
    List<PlannedRemoval> out = new ArrayList<>();
    for (ContainerEntry c : s.containers()) {
      if (!d.prunableState(c.state()) || !c.pod().isEmpty() || !rule.matches(f, c.labels())) {
        continue;
      }
      Instant created = c.created();
      if (cutoff != null) {
        if (Cutoff.undecided(created, cutoff)) {
          // Listed to the second; the engine compares the exact time.
          created = s.inspectContainer(c.id()).map(ContainerEntry::created).orElse(null);
        }
        if (!Cutoff.reached(created, cutoff, d.strictUntil())) {
          continue;
        }
      }
      // size=1 was asked for, and the engine leaves SizeRw out when it is 0.
      out.add(new PlannedRemoval(ObjectKind.CONTAINERS, c.id(), c.names(), OptionalLong.of(Math.max(0, c.sizeRw())),
          Optional.ofNullable(created), Optional.empty()));
    }
    return out;
  }
}
