package io.iechor.prune.it;

import io.iechor.prune.testing.TestEngine;

/** Plans against the engine's own prunes on Docker 20.10 (API 1.41), the JVM's shared private dockerd. */
class PlanDifferentialDocker20IT extends PlanApplyChecks {

  @Override
  TestEngine engine() {
    return TestEngine.shared();
  }

  @Override
  Engine flavor() {
    return Engine.DOCKER_20;
  }
}
