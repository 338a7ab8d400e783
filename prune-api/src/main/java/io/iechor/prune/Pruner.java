package io.iechor.prune;

import io.iechor.prune.spi.ClientSettings;
import io.iechor.prune.spi.PruneEngine;
import java.time.Duration;

/**
 * The entry point: prune an iEchor engine in one line.
 *
 * <pre>{@code
 * ImagePruneReport r = Pruner.images().all().until(Duration.ofHours(24)).run();
 * Pruner.containers().withLabel("env", "ci").run();
 * Pruner.volumes().withoutLabel("keep").run();
 * SystemPruneReport s = Pruner.system().all().withVolumes().run();
 * }</pre>
 *
 * <p>The static shortcuts use a default client, created on first use and shared (thread-safe).
 * It finds the engine in this order, taking the first that answers:
 * <ol>
 *   <li>{@code IECHOR_HOST}, then {@code DOCKER_HOST};</li>
 *   <li>the current context: {@code DOCKER_CONTEXT}, or {@code currentContext} in
 *       {@code ~/.docker/config.json} (its endpoint in {@code ~/.docker/contexts/meta/}); a context
 *       named explicitly must exist;</li>
 *   <li>the sockets {@code /var/run/iechor.sock}, {@code /var/run/docker.sock},
 *       {@code $XDG_RUNTIME_DIR/docker.sock}, {@code ~/.docker/run/docker.sock},
 *       {@code /run/podman/podman.sock}, {@code $XDG_RUNTIME_DIR/podman/podman.sock}.</li>
 * </ol>
 * When none answers, {@link EngineNotFoundException} lists each place and why it failed. For an
 * explicit engine use {@link #connect(String)} or {@link #builder()}.
 */
public final class Pruner {
  private static final Object LOCK = new Object();
  private static volatile PruneEngine defaultEngine;
  private static final PruneClient DEFAULT = new PruneClient(Pruner::defaultEngine, () -> {
  });

  private Pruner() {
  }

  /** Dangling images (all unused ones with {@code all()}) on the default engine. */
  public static ImagePrune images() {
    return DEFAULT.images();
  }

  /** Stopped containers on the default engine. */
  public static ContainerPrune containers() {
    return DEFAULT.containers();
  }

  /** Unused volumes on the default engine. */
  public static VolumePrune volumes() {
    return DEFAULT.volumes();
  }

  /** Unused networks on the default engine. */
  public static NetworkPrune networks() {
    return DEFAULT.networks();
  }

  /** Build cache on the default engine. */
  public static BuildCachePrune buildCache() {
    return DEFAULT.buildCache();
  }

  /** Everything unused on the default engine. */
  public static SystemPrune system() {
    return DEFAULT.system();
  }

  /**
   * A client for the engine at {@code endpoint}, e.g. {@code unix:///var/run/docker.sock} or
   * {@code tcp://build-host:2376}. Close it when done.
   */
  public static PruneClient connect(String endpoint) {
    return builder().endpoint(endpoint).build();
  }

  /** A client for the engine found as described above. Close it when done. */
  public static PruneClient connect() {
    return builder().build();
  }

  /** Timeouts, retries and the endpoint, for a client of your own. */
  public static PruneClient.Builder builder() {
    return new PruneClient.Builder();
  }

  private static PruneEngine defaultEngine() {
    PruneEngine e = defaultEngine;
    if (e == null) {
      synchronized (LOCK) {
        e = defaultEngine;
        if (e == null) {
          e = Engines.create(new ClientSettings(null, Duration.ofSeconds(10), Duration.ofMinutes(10), Duration.ZERO));
          defaultEngine = e;
        }
      }
    }
    return e;
  }
}
