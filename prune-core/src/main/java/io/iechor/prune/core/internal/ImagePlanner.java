package io.iechor.prune.core.internal;

import io.iechor.prune.ObjectKind;
import io.iechor.prune.PruneFilters;
import io.iechor.prune.UnsupportedFeatureException;
import io.iechor.prune.plan.PlannedRemoval;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * The images an image prune removes: without {@code all} the dangling ones (no tag), with it every
 * one; in both cases only images no container uses (in any state) and that have no child image,
 * whose labels match and that were built before the {@code until} cutoff. Removing an image also
 * removes its untagged, unused parent once no other child is left, as the engine does, whatever
 * the filters; those parents come after their children.
 *
 * <p>Not reproduced: with {@code all}, Docker also untags all but one tag of an image a container
 * uses, and the tags of a tagged parent image (moby/moby#36295); the plan keeps those images whole.
 */
final class ImagePlanner {

  private ImagePlanner() {
  }

  static List<PlannedRemoval> plan(Snapshot s, Dialect d, PruneFilters f, boolean all) {
    refuseWhatCannotBePredicted(s, d);
    LabelRule rule = d.labels(ObjectKind.IMAGES);
    Instant cutoff = f.until().map(u -> Cutoff.of(u, s.now())).orElse(null);
    Map<String, ImageEntry> byId = new HashMap<>();
    Map<String, Set<String>> children = new HashMap<>();
    for (ImageEntry i : s.images()) {
      byId.put(i.id(), i);
      if (!i.parentId().isEmpty()) {
        children.computeIfAbsent(i.parentId(), k -> new HashSet<>()).add(i.id());
      }
    }
    Set<String> used = new HashSet<>();
    s.containers().forEach(c -> used.add(c.imageId()));

    List<ImageEntry> planned = new ArrayList<>();
    Map<String, Instant> created = new HashMap<>();
    for (ImageEntry i : s.images()) {
      if (children.containsKey(i.id()) || used.contains(i.id()) || (!all && !i.untagged())
          || !rule.matches(f, i.labels())) {
        continue;
      }
      Instant time = i.created();
      if (cutoff != null) {
        if (Cutoff.undecided(time, cutoff)) {
          time = s.inspectImage(i.id()).map(ImageEntry::created).orElse(null);
        }
        if (!Cutoff.reached(time, cutoff, d.strictUntil())) {
          continue;
        }
      }
      planned.add(i);
      created.put(i.id(), time);
    }
    addFreedParents(planned, byId, children, used);
    return removals(s, planned, created);
  }

  /** Parents the engine removes with their last child: untagged, unreferenced, unused. */
  private static void addFreedParents(List<ImageEntry> planned, Map<String, ImageEntry> byId,
      Map<String, Set<String>> children, Set<String> used) {
    Set<String> ids = new HashSet<>();
    planned.forEach(i -> ids.add(i.id()));
    for (int n = 0; n < planned.size(); n++) {
      ImageEntry parent = byId.get(planned.get(n).parentId());
      if (parent == null || ids.contains(parent.id()) || !parent.tags().isEmpty() || !parent.digests().isEmpty()
          || used.contains(parent.id()) || !ids.containsAll(children.get(parent.id()))) {
        continue;
      }
      planned.add(parent);
      ids.add(parent.id());
    }
  }

  private static List<PlannedRemoval> removals(Snapshot s, List<ImageEntry> planned, Map<String, Instant> created) {
    List<PlannedRemoval> out = new ArrayList<>();
    if (planned.isEmpty()) {
      return out;
    }
    DiskUsage df = s.diskUsage("image");
    for (ImageEntry i : planned) {
      Long size = df.imageSizes().get(i.id());
      out.add(new PlannedRemoval(ObjectKind.IMAGES, i.id(), i.tags(),
          size == null ? OptionalLong.empty() : OptionalLong.of(size),
          Optional.ofNullable(created.getOrDefault(i.id(), i.created())), Optional.empty()));
    }
    return out;
  }

  private static void refuseWhatCannotBePredicted(Snapshot s, Dialect d) {
    if (s.containerdImageStore()) {
      throw new UnsupportedFeatureException("image prune plan", null, d.api(), "This engine keeps images in the"
          + " containerd image store, whose prune follows other rules (image records, not image IDs); plans"
          + " of image prunes cover the graph-driver store only. Run the prune, or plan the other kinds");
    }
  }
}
