package io.iechor.prune.spi;

/**
 * Creates engine clients for {@link io.iechor.prune.Pruner}. Found with
 * {@link java.util.ServiceLoader}; {@code prune-core} provides one.
 */
public interface PruneEngineFactory {

  /** Creates a client; connecting may be deferred to the first request. */
  PruneEngine create(ClientSettings settings);
}
