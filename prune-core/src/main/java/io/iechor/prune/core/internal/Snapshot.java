package io.iechor.prune.core.internal;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the engine holds, listed once per plan, each list read on first use. A system plan removes
 * the containers it plans from here, so the later kinds see the engine as the container prune
 * would leave it.
 */
final class Snapshot {
  private final Exchange x;
  private final Dialect d;
  private final EngineFacts facts;
  private List<ContainerEntry> containers;
  private List<ImageEntry> images;
  private final Map<String, DiskUsage> diskUsage = new HashMap<>();

  Snapshot(Exchange x, Dialect d) {
    this.x = x;
    this.d = d;
    this.facts = x.get("/info", Map.of(), UsageReader::info);
  }

  OffsetDateTime now() {
    return facts.now();
  }

  boolean containerdImageStore() {
    return facts.containerdStore();
  }

  /** Every container, running or not, with writable-layer sizes and (Podman) pods. */
  List<ContainerEntry> containers() {
    if (containers == null) {
      List<ContainerEntry> listed = x.get("/containers/json", Exchange.query("all", "1", "size", "1"),
          ListReader::containers);
      if (d.podman()) {
        // The compatible list does not say which containers are in a pod; Podman's own list does.
        Map<String, String> pods = x.getUnversioned(LIBPOD_CONTAINERS, Map.of("all", "true"),
            ListReader::libpodPods);
        listed = listed.stream().map(c -> c.withPod(pods.getOrDefault(c.id(), ""))).toList();
      }
      containers = new ArrayList<>(listed);
    }
    return containers;
  }

  /** Forgets containers a system prune would have removed before the next kind. */
  void removeContainers(Collection<String> ids) {
    Set<String> gone = Set.copyOf(ids);
    containers().removeIf(c -> gone.contains(c.id()));
  }

  /** Every image, intermediate ones too. */
  List<ImageEntry> images() {
    if (images == null) {
      images = x.get("/images/json", Map.of("all", "1"), ListReader::images);
    }
    return images;
  }

  List<VolumeEntry> volumes() {
    return x.get("/volumes", Map.of(), ListReader::volumes);
  }

  List<NetworkEntry> networks() {
    return x.get("/networks", Map.of(), ListReader::networks);
  }

  /**
   * Sizes and build cache from one {@code /system/df}. On Docker API 1.42+ it computes only the
   * part {@code type} names ({@code image}, {@code volume}, {@code build-cache}); {@code null}
   * asks for everything.
   */
  DiskUsage diskUsage(String type) {
    boolean typed = type != null && !d.podman() && d.api().isAtLeast(Requests.VOLUME_ALL);
    return diskUsage.computeIfAbsent(typed ? type : "", t -> x.get("/system/df",
        t.isEmpty() ? Map.of() : Map.of("type", t), UsageReader::diskUsage));
  }

  /** The exact creation time of a container, for one listed to the second next to a cutoff. */
  Optional<ContainerEntry> inspectContainer(String id) {
    return x.find("/containers/" + id + "/json", ListReader::containerInspect);
  }

  Optional<ImageEntry> inspectImage(String id) {
    return x.find("/images/" + id + "/json", ListReader::image);
  }

  Optional<NetworkEntry> inspectNetwork(String id) {
    return x.find("/networks/" + id, ListReader::network);
  }

  /** Podman's own container list; its API accepts any version in the path, as for its image prune. */
  static final String LIBPOD_CONTAINERS = "/v4.0.0/libpod/containers/json";
}
