package io.iechor.prune.it;

import io.iechor.prune.testing.TestEngine;

/**
 * Plans against the engine's own prunes on Docker 26.1 (API 1.45): a volume prune without
 * {@code all()} takes only anonymous volumes, and the plan follows.
 */
class PlanDifferentialDocker26IT extends PlanApplyChecks {

  @Override
  TestEngine engine() {
    return Engines.docker26();
  }

  @Override
  Engine flavor() {
    return Engine.DOCKER_26;
  }
}
