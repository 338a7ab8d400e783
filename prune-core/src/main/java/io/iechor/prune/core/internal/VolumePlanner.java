package io.iechor.prune.core.internal;

import io.iechor.prune.ObjectKind;
import io.iechor.prune.PruneFilters;
import io.iechor.prune.plan.PlannedRemoval;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * The volumes a volume prune removes: those no container (running or stopped) mounts and whose
 * labels match. On Docker only {@code local} volumes without driver options, and from API 1.42,
 * unless {@code all}, only anonymous ones (labelled {@value Dialect#ANONYMOUS_LABEL}). Podman takes
 * named volumes on every version.
 */
final class VolumePlanner {

  private VolumePlanner() {
  }

  static List<PlannedRemoval> plan(Snapshot s, Dialect d, PruneFilters f, boolean all) {
    LabelRule rule = d.labels(ObjectKind.VOLUMES);
    boolean anonymousOnly = !all && !d.namedVolumesByDefault();
    Set<String> mounted = new HashSet<>();
    s.containers().forEach(c -> mounted.addAll(c.volumes()));
    List<VolumeEntry> candidates = new ArrayList<>();
    for (VolumeEntry v : s.volumes()) {
      if (mounted.contains(v.name()) || !rule.matches(f, v.labels())) {
        continue;
      }
      if (!d.podman() && (!v.driver().equals("local") || v.hasOptions())) {
        continue;
      }
      if (anonymousOnly && !v.labels().containsKey(Dialect.ANONYMOUS_LABEL)) {
        continue;
      }
      candidates.add(v);
    }
    List<PlannedRemoval> out = new ArrayList<>();
    if (candidates.isEmpty()) {
      return out;
    }
    DiskUsage df = s.diskUsage("volume");
    for (VolumeEntry v : candidates) {
      Long size = df.volumeSizes().get(v.name());
      out.add(new PlannedRemoval(ObjectKind.VOLUMES, v.name(), List.of(v.name()),
          size == null ? OptionalLong.empty() : OptionalLong.of(size), Optional.ofNullable(v.createdAt()),
          Optional.empty()));
    }
    return out;
  }
}
