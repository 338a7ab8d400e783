package io.iechor.prune.core.internal;

import io.iechor.prune.ObjectKind;
import io.iechor.prune.PruneFilters;
import io.iechor.prune.plan.PlannedRemoval;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * The build-cache records a build prune removes: none in use; without {@code all} none an image
 * shares and none of BuildKit's internal or frontend records; only those last used before the
 * {@code until} cutoff (never-used ones too). A record goes only with all the records built on
 * it, so children come first.
 */
final class BuildCachePlanner {
  private static final Set<String> KEPT_TYPES = Set.of("internal", "frontend");

  private BuildCachePlanner() {
  }

  static List<PlannedRemoval> plan(Snapshot s, PruneFilters f, boolean all) {
    Instant cutoff = f.until().map(u -> Cutoff.forBuildCache(u, s.now())).orElse(null);
    List<CacheEntry> records = s.diskUsage("build-cache").cache();
    Map<String, CacheEntry> eligible = new LinkedHashMap<>();
    for (CacheEntry r : records) {
      boolean kept = r.inUse() || (!all && (r.shared() || KEPT_TYPES.contains(r.type())))
          || (cutoff != null && r.lastUsed() != null && r.lastUsed().isAfter(cutoff));
      if (!kept) {
        eligible.put(r.id(), r);
      }
    }
    Map<String, Set<String>> children = new HashMap<>();
    records.forEach(r -> r.parents().forEach(p -> children.computeIfAbsent(p, k -> new HashSet<>()).add(r.id())));
    // A record with a child that stays is still referenced: BuildKit keeps it.
    boolean changed = true;
    while (changed) {
      changed = eligible.keySet().removeIf(id -> !eligible.keySet().containsAll(children.getOrDefault(id, Set.of())));
    }
    List<PlannedRemoval> out = new ArrayList<>();
    Set<String> placed = new HashSet<>();
    int before = -1;
    while (placed.size() < eligible.size() && placed.size() != before) {
      before = placed.size();
      for (CacheEntry r : eligible.values()) {
        if (!placed.contains(r.id()) && placed.containsAll(children.getOrDefault(r.id(), Set.of()))) {
          placed.add(r.id());
          out.add(new PlannedRemoval(ObjectKind.BUILD_CACHE, r.id(), r.description().isBlank() ? List.of() : List.of(r.description()),
              r.size() < 0 ? OptionalLong.empty() : OptionalLong.of(r.size()), Optional.ofNullable(r.created()),
              Optional.ofNullable(r.lastUsed())));
        }
      }
    }
    return out;
  }
}
