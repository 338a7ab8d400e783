package io.iechor.prune.it;

import io.iechor.prune.PruneClient;
import io.iechor.prune.Pruner;
import io.iechor.prune.testing.TestEngine;

/**
 * The user guide's behaviours on Podman 4.3 through its Docker-compatible API. Where Podman's rules
 * differ (named volumes always in scope, no untag entries, no build-cache prune) the shared tests
 * assert Podman's behaviour.
 */
class PodmanUnixIT extends RealEngineBehaviour {

  @Override
  TestEngine engine() {
    return Engines.podman();
  }

  @Override
  PruneClient connect(TestEngine engine) {
    return Pruner.connect(engine.unixEndpoint());
  }
}
