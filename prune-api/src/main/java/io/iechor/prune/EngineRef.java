package io.iechor.prune;

import io.iechor.prune.spi.PruneEngine;

/** Where a step finds its engine: a client's own, or the lazily created default. */
@FunctionalInterface
interface EngineRef {
  PruneEngine get();
}
