package io.iechor.prune.core.internal;

import io.iechor.prune.EngineInfo;
import io.iechor.prune.ObjectKind;
import io.iechor.prune.PruneFilters;
import io.iechor.prune.UnsupportedFeatureException;
import io.iechor.prune.plan.PlannedRemoval;
import io.iechor.prune.plan.PrunePlan;
import io.iechor.prune.spi.PlanRequest;
import io.iechor.prune.spi.PruneEngine;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Makes a plan: refuses what the prune itself would refuse, lists the engine once, and applies each
 * kind's rules in the order a system prune runs, so that a later kind sees the containers the plan
 * removes as gone.
 */
final class Planner {
  private final Exchange x;
  private final Dialect d;

  Planner(Exchange x) {
    this.x = x;
    this.d = new Dialect(x.info());
  }

  PrunePlan plan(PlanRequest r, PruneEngine engine) {
    EngineInfo info = x.info();
    PruneFilters f = r.filters();
    Set<ObjectKind> kinds = r.kinds();
    String buildSkipped = check(r, info);
    Snapshot s = new Snapshot(x, d);
    List<PlannedRemoval> out = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    if (kinds.contains(ObjectKind.CONTAINERS)) {
      List<PlannedRemoval> containers = ContainerPlanner.plan(s, d, f);
      out.addAll(containers);
      s.removeContainers(containers.stream().map(PlannedRemoval::id).toList());
    }
    if (kinds.contains(ObjectKind.NETWORKS)) {
      out.addAll(NetworkPlanner.plan(s, d, f, notes));
    }
    if (kinds.contains(ObjectKind.VOLUMES)) {
      out.addAll(VolumePlanner.plan(s, d, f, r.allVolumes()));
    }
    if (kinds.contains(ObjectKind.IMAGES)) {
      out.addAll(ImagePlanner.plan(s, d, f, r.allImages()));
    }
    if (kinds.contains(ObjectKind.BUILD_CACHE)) {
      if (buildSkipped != null) {
        notes.add("build cache left out: " + buildSkipped);
      } else {
        out.addAll(BuildCachePlanner.plan(s, untilOnly(f), r.allBuildCache()));
      }
    }
    return new PrunePlan(engine, info, s.now().toInstant(), out, notes);
  }

  /**
   * Builds (and so checks) the requests the prune would send, so a plan refuses what the prune
   * refuses. Returns why a system prune would skip build cache, as {@code run()} does, or null.
   */
  private static String check(PlanRequest r, EngineInfo info) {
    PruneFilters f = r.filters();
    Set<ObjectKind> kinds = r.kinds();
    if (kinds.contains(ObjectKind.CONTAINERS)) {
      Requests.containers(info, f);
    }
    if (kinds.contains(ObjectKind.NETWORKS)) {
      Requests.networks(info, f);
    }
    if (kinds.contains(ObjectKind.VOLUMES)) {
      Requests.volumes(info, f, r.allVolumes());
    }
    if (kinds.contains(ObjectKind.IMAGES)) {
      Requests.images(info, f, r.allImages());
    }
    if (!kinds.contains(ObjectKind.BUILD_CACHE)) {
      return null;
    }
    if (!r.isSystem()) {
      Requests.buildCache(info, f, r.allBuildCache(), OptionalLong.empty());
      return null;
    }
    if (!f.labels().isEmpty()) {
      return "a label filter was given and build cache has no labels, so none of it matches";
    }
    if (info.podman()) {
      return "Podman's Docker-compatible API has no build cache";
    }
    try {
      Requests.buildCache(info, untilOnly(f), r.allBuildCache(), OptionalLong.empty());
      return null;
    } catch (UnsupportedFeatureException e) {
      return e.getMessage();
    }
  }

  private static PruneFilters untilOnly(PruneFilters f) {
    return f.until().map(u -> PruneFilters.none().withUntil(u)).orElse(PruneFilters.none());
  }
}
