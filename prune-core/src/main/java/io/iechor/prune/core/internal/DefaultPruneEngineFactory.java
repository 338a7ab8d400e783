package io.iechor.prune.core.internal;

import io.iechor.prune.spi.ClientSettings;
import io.iechor.prune.spi.PruneEngine;
import io.iechor.prune.spi.PruneEngineFactory;

/** The engine client this module provides to {@link io.iechor.prune.Pruner}. */
public final class DefaultPruneEngineFactory implements PruneEngineFactory {

  @Override
  public PruneEngine create(ClientSettings settings) {
    return new EngineClient(settings, Discovery.fromSystem(), Transports.fromClassPath());
  }
}
