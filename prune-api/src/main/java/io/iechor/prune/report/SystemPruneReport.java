package io.iechor.prune.report;

import io.iechor.prune.EngineInfo;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The result of a system prune: one report per kind, in the order they ran (containers, networks,
 * volumes, images, build cache), and the total.
 */
public final class SystemPruneReport {
  private final ContainerPruneReport containers;
  private final NetworkPruneReport networks;
  private final VolumePruneReport volumes;
  private final ImagePruneReport images;
  private final BuildCachePruneReport buildCache;
  private final String buildCacheSkipped;

  /**
   * @param volumes {@code null} when volumes were not asked for
   * @param buildCache {@code null} when the build cache was skipped
   * @param buildCacheSkipped why the build cache was skipped, {@code null} when it was pruned
   */
  public SystemPruneReport(ContainerPruneReport containers, NetworkPruneReport networks, VolumePruneReport volumes,
      ImagePruneReport images, BuildCachePruneReport buildCache, String buildCacheSkipped) {
    this.containers = Objects.requireNonNull(containers, "containers");
    this.networks = Objects.requireNonNull(networks, "networks");
    this.volumes = volumes;
    this.images = Objects.requireNonNull(images, "images");
    this.buildCache = buildCache;
    if ((buildCache == null) == (buildCacheSkipped == null)) {
      throw new IllegalArgumentException("Give either a build-cache report or the reason it was skipped");
    }
    this.buildCacheSkipped = buildCacheSkipped;
  }

  public ContainerPruneReport containers() {
    return containers;
  }

  public NetworkPruneReport networks() {
    return networks;
  }

  /** Present when the prune included volumes ({@code withVolumes()}). */
  public Optional<VolumePruneReport> volumes() {
    return Optional.ofNullable(volumes);
  }

  public ImagePruneReport images() {
    return images;
  }

  /** Present unless the build cache was skipped; see {@link #buildCacheSkipped()}. */
  public Optional<BuildCachePruneReport> buildCache() {
    return Optional.ofNullable(buildCache);
  }

  /**
   * Why the build cache was not pruned: the engine has no build-cache prune (Podman, API below
   * 1.31), or a {@code label} filter was given (build cache has no labels, so none can match).
   */
  public Optional<String> buildCacheSkipped() {
    return Optional.ofNullable(buildCacheSkipped);
  }

  /** Every report, in the order the prunes ran. */
  public List<PruneReport> reports() {
    List<PruneReport> all = new ArrayList<>(5);
    all.add(containers);
    all.add(networks);
    if (volumes != null) {
      all.add(volumes);
    }
    all.add(images);
    if (buildCache != null) {
      all.add(buildCache);
    }
    return Collections.unmodifiableList(all);
  }

  /** Bytes freed by all the prunes together (networks count for none). */
  public long spaceReclaimed() {
    long total = 0;
    for (PruneReport r : reports()) {
      long bytes = r.reclaimedBytes().orElse(0);
      total = total > Long.MAX_VALUE - bytes ? Long.MAX_VALUE : total + bytes;
    }
    return total;
  }

  /** The engine that did the work. */
  public EngineInfo engine() {
    return containers.engine();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SystemPruneReport r && containers.equals(r.containers) && networks.equals(r.networks)
        && Objects.equals(volumes, r.volumes) && images.equals(r.images) && Objects.equals(buildCache, r.buildCache)
        && Objects.equals(buildCacheSkipped, r.buildCacheSkipped);
  }

  @Override
  public int hashCode() {
    return Objects.hash(containers, networks, volumes, images, buildCache, buildCacheSkipped);
  }

  @Override
  public String toString() {
    return "SystemPruneReport[containers=" + containers + ", networks=" + networks + ", volumes=" + volumes
        + ", images=" + images + ", buildCache=" + buildCache + ", buildCacheSkipped=" + buildCacheSkipped
        + ", spaceReclaimed=" + spaceReclaimed() + "]";
  }
}
