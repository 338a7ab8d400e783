package io.iechor.prune.it;

import io.iechor.prune.testing.TestEngine;

/**
 * Plans against the engine's own prunes on Podman 4.3: named volumes are always in scope, a network
 * stays while any container (running or not) names it, {@code label!} on volumes is refused, and
 * there is no build cache. The plan follows each of these.
 */
class PlanDifferentialPodmanIT extends PlanApplyChecks {

  @Override
  TestEngine engine() {
    return Engines.podman();
  }

  @Override
  Engine flavor() {
    return Engine.PODMAN;
  }
}
