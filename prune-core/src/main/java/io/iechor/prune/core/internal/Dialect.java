package io.iechor.prune.core.internal;

import io.iechor.prune.ApiVersion;
import io.iechor.prune.EngineInfo;
import io.iechor.prune.ObjectKind;
import java.util.Set;

/**
 * The prune rules that differ between Docker and Podman, and between their versions. Docker's
 * come from its source for the negotiated API version; Podman 4's were measured on Podman 4.3.1
 * (see the differential real-engine tests); Podman 5 and later follow its source as read, unmeasured.
 */
final class Dialect {
  /** Docker's predefined networks, which a prune never removes. */
  private static final Set<String> DOCKER_PREDEFINED = Set.of("bridge", "host", "none", "default");
  /** Podman's default network, which its compatible API also lists as {@code bridge}. */
  private static final Set<String> PODMAN_DEFAULT = Set.of("podman", "bridge");
  static final String ANONYMOUS_LABEL = "com.docker.volume.anonymous";

  private final EngineInfo info;
  private final int podmanMajor;

  Dialect(EngineInfo info) {
    this.info = info;
    this.podmanMajor = info.podman() ? Requests.podmanMajor(info) : 0;
  }

  boolean podman() {
    return info.podman();
  }

  ApiVersion api() {
    return info.apiVersion();
  }

  /** Whether a container in {@code state} is removed by a container prune. */
  boolean prunableState(String state) {
    if (podman()) {
      return state.equals("created") || state.equals("exited") || state.equals("stopped")
          || state.equals("configured");
    }
    // Running, paused and restarting containers all count as running; "removing" goes anyway.
    return state.equals("created") || state.equals("exited") || state.equals("dead");
  }

  /** Podman prunes what was created strictly before the cutoff, Docker what was not created after it. */
  boolean strictUntil() {
    return podman();
  }

  /**
   * How this engine combines label filters for {@code kind}. Where Podman combines several values
   * unlike Docker, the prune itself refuses them ({@link Requests}), and so does the plan.
   */
  LabelRule labels(ObjectKind kind) {
    if (!podman()) {
      return LabelRule.DOCKER;
    }
    boolean four = podmanMajor > 0 && podmanMajor < 5;
    return switch (kind) {
      case CONTAINERS -> LabelRule.PODMAN_ALL;
      case NETWORKS -> four ? LabelRule.PODMAN_ALL : LabelRule.PODMAN_ANY_EXCLUDED;
      case VOLUMES -> four ? LabelRule.PODMAN_ANY_LABEL : LabelRule.PODMAN_ALL;
      case IMAGES -> four ? LabelRule.PODMAN_ONE_GROUP : LabelRule.PODMAN_ANY_EXCLUDED;
      case BUILD_CACHE -> LabelRule.DOCKER;
    };
  }

  /** Whether a volume prune without {@code all} takes named volumes too: below API 1.42, and always on Podman. */
  boolean namedVolumesByDefault() {
    return podman() || api().isBelow(Requests.VOLUME_ALL);
  }

  /** Networks a prune never removes, whatever the filters. */
  boolean predefinedNetwork(String name) {
    return podman() ? PODMAN_DEFAULT.contains(name) : DOCKER_PREDEFINED.contains(name);
  }
}
