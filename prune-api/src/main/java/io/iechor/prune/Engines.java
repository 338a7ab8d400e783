package io.iechor.prune;

import io.iechor.prune.spi.ClientSettings;
import io.iechor.prune.spi.PruneEngine;
import io.iechor.prune.spi.PruneEngineFactory;
import java.util.Iterator;
import java.util.ServiceLoader;

/** Finds the engine client implementation on the class path. */
final class Engines {
  private Engines() {
  }

  static PruneEngine create(ClientSettings settings) {
    Iterator<PruneEngineFactory> it = ServiceLoader.load(PruneEngineFactory.class, Engines.class.getClassLoader())
        .iterator();
    if (!it.hasNext()) {
      throw new PruneException("No engine client on the class path: add the dependency io.iechor:prune-core"
          + " (and io.iechor:prune-transport-unix for unix:// sockets)");
    }
    return it.next().create(settings);
  }
}
