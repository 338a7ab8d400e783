package io.iechor.prune;

import io.iechor.prune.spi.ClientSettings;
import io.iechor.prune.spi.PruneEngine;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * A connection to one engine, with a step for each kind of prune. Thread-safe; close it when
 * done. Obtain one from {@link Pruner#connect(String)} or {@link Pruner#builder()}.
 *
 * <pre>{@code
 * try (PruneClient engine = Pruner.connect("unix:///var/run/docker.sock")) {
 *   engine.containers().withLabel("env", "ci").run();
 *   engine.images().all().until(Duration.ofHours(24)).run();
 * }
 * }</pre>
 */
public final class PruneClient implements AutoCloseable {
  private final EngineRef engine;
  private final Runnable onClose;

  PruneClient(EngineRef engine, Runnable onClose) {
    this.engine = engine;
    this.onClose = onClose;
  }

  /** Dangling images; see {@link ImagePrune}. */
  public ImagePrune images() {
    return new ImagePrune(engine, PruneFilters.none(), false);
  }

  /** Stopped containers; see {@link ContainerPrune}. */
  public ContainerPrune containers() {
    return new ContainerPrune(engine, PruneFilters.none());
  }

  /** Unused volumes; see {@link VolumePrune}. */
  public VolumePrune volumes() {
    return new VolumePrune(engine, PruneFilters.none(), false);
  }

  /** Unused networks; see {@link NetworkPrune}. */
  public NetworkPrune networks() {
    return new NetworkPrune(engine, PruneFilters.none());
  }

  /** Build cache; see {@link BuildCachePrune}. */
  public BuildCachePrune buildCache() {
    return new BuildCachePrune(engine, PruneFilters.none(), false, -1);
  }

  /** Everything unused; see {@link SystemPrune}. */
  public SystemPrune system() {
    return new SystemPrune(engine, PruneFilters.none(), false, false);
  }

  /**
   * The engine and negotiated API version, connecting if needed.
   *
   * @throws EngineNotFoundException when no engine answers
   */
  public EngineInfo engine() {
    return engine.get().info();
  }

  /** Releases connections. Steps made from this client fail afterwards. */
  @Override
  public void close() {
    onClose.run();
  }

  /** Settings for {@link Pruner#builder()}. */
  public static final class Builder {
    private String endpoint;
    private Duration connectTimeout = Duration.ofSeconds(10);
    private Duration readTimeout = Duration.ofMinutes(10);
    private Duration retryOnConflict = Duration.ZERO;
    private Path tlsDirectory;

    Builder() {
    }

    /**
     * The engine's address: {@code unix:///path/to/socket}, {@code tcp://host:2375},
     * {@code tcp://host:2376} with TLS from {@code IECHOR_TLS_VERIFY}/{@code DOCKER_TLS_VERIFY},
     * or {@code https://host:2376}. Without it the engine is looked for (see {@link Pruner}).
     */
    public Builder endpoint(String endpoint) {
      this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
      return this;
    }

    /** How long to wait for a connection; 10 seconds by default. */
    public Builder connectTimeout(Duration timeout) {
      this.connectTimeout = positive(timeout, "connectTimeout");
      return this;
    }

    /**
     * How long to wait for the engine's answer; 10 minutes by default, since pruning a large
     * image store or build cache can take minutes.
     */
    public Builder readTimeout(Duration timeout) {
      this.readTimeout = positive(timeout, "readTimeout");
      return this;
    }

    /**
     * When another prune holds the engine's lock (HTTP 409), retry with growing pauses for up to
     * {@code maxWait} instead of failing at once with {@link PruneInProgressException}. Off by default.
     */
    public Builder retryOnConflict(Duration maxWait) {
      Objects.requireNonNull(maxWait, "maxWait");
      if (maxWait.isNegative()) {
        throw new IllegalArgumentException("maxWait must not be negative");
      }
      this.retryOnConflict = maxWait;
      return this;
    }

    /**
     * Use TLS for {@code tcp://} endpoints with the client certificate and CA in {@code directory}
     * ({@code ca.pem}, {@code cert.pem}, {@code key.pem}), whatever the environment says.
     * Without it, TLS follows {@code IECHOR_TLS_VERIFY}/{@code DOCKER_TLS_VERIFY} and
     * {@code IECHOR_CERT_PATH}/{@code DOCKER_CERT_PATH}.
     */
    public Builder tls(Path directory) {
      this.tlsDirectory = Objects.requireNonNull(directory, "directory");
      return this;
    }

    /** Creates the client. Connecting waits for the first request. */
    public PruneClient build() {
      PruneEngine e = Engines.create(new ClientSettings(endpoint, connectTimeout, readTimeout, retryOnConflict,
          tlsDirectory));
      return new PruneClient(() -> e, e::close);
    }

    private static Duration positive(Duration d, String name) {
      Objects.requireNonNull(d, name);
      if (d.isNegative() || d.isZero()) {
        throw new IllegalArgumentException(name + " must be positive: " + d);
      }
      return d;
    }
  }
}
