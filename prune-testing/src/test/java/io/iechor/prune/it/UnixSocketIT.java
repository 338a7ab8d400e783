package io.iechor.prune.it;

import io.iechor.prune.PruneClient;
import io.iechor.prune.Pruner;
import io.iechor.prune.testing.TestEngine;

/** The user guide's behaviours over the engine's Unix socket. */
class UnixSocketIT extends RealEngineBehaviour {

  @Override
  PruneClient connect(TestEngine engine) {
    return Pruner.connect(engine.unixEndpoint());
  }
}
