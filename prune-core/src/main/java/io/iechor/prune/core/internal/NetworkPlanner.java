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
 * The networks a network prune removes. Never the predefined ones, config-only networks or the
 * swarm ingress. In use means, on Docker, an endpoint: a <em>running</em> container (so a network
 * of stopped containers goes); on Podman, any container configured for it.
 */
final class NetworkPlanner {

  private NetworkPlanner() {
  }

  static List<PlannedRemoval> plan(Snapshot s, Dialect d, PruneFilters f, List<String> notes) {
    LabelRule rule = d.labels(ObjectKind.NETWORKS);
    Instant cutoff = f.until().map(u -> Cutoff.of(u, s.now())).orElse(null);
    List<PlannedRemoval> out = new ArrayList<>();
    boolean swarm = false;
    for (NetworkEntry n : s.networks()) {
      if (d.predefinedNetwork(n.name()) || n.configOnly() || n.ingress() || !rule.matches(f, n.labels())) {
        continue;
      }
      if (n.scope().equals("swarm")) {
        swarm = true;
        continue;
      }
      if (cutoff != null && !Cutoff.reached(n.created(), cutoff, d.strictUntil())) {
        continue;
      }
      if (inUse(s, d, n)) {
        continue;
      }
      out.add(new PlannedRemoval(ObjectKind.NETWORKS, n.id(), List.of(n.name()), OptionalLong.empty(),
          Optional.ofNullable(n.created()), Optional.empty()));
    }
    if (swarm) {
      notes.add("swarm networks are left out: the engine prunes them only on a swarm manager, and quietly"
          + " keeps those other nodes use");
    }
    return out;
  }

  private static boolean inUse(Snapshot s, Dialect d, NetworkEntry n) {
    if (d.podman()) {
      return s.containers().stream().anyMatch(c -> c.networks().contains(n.name()));
    }
    // Docker lists no endpoints; its inspect answer shows those of running containers.
    return s.inspectNetwork(n.id()).map(i -> !i.containers().isEmpty()).orElse(true);
  }
}
