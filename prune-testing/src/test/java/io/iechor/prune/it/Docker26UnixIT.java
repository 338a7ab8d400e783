package io.iechor.prune.it;

import io.iechor.prune.PruneClient;
import io.iechor.prune.Pruner;
import io.iechor.prune.testing.TestEngine;

/**
 * The user guide's behaviours on Docker 26.1 (API 1.45): from API 1.42 a volume prune removes only
 * anonymous volumes unless {@code all()} is given, and the assertions follow that.
 */
class Docker26UnixIT extends RealEngineBehaviour {

  @Override
  TestEngine engine() {
    return Engines.docker26();
  }

  @Override
  PruneClient connect(TestEngine engine) {
    return Pruner.connect(engine.unixEndpoint());
  }
}
