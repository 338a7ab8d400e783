package io.iechor.prune.examples;

import io.iechor.prune.testing.Fixtures;
import java.util.Set;

/**
 * Everything on an engine at one moment, as the docker CLI lists it, to show that a command
 * removed nothing.
 *
 * @param containers container IDs
 * @param images image IDs, dangling ones included
 * @param volumes volume names
 * @param networks network names
 * @param buildCacheRecords how many build cache records there are
 */
public record EngineState(Set<String> containers, Set<String> images, Set<String> volumes, Set<String> networks,
    int buildCacheRecords) {

  /** Lists the engine now. */
  public static EngineState of(Fixtures fx) {
    return new EngineState(fx.containerIds(), fx.imageIds(), fx.volumeNames(), fx.networkNames(),
        fx.buildCacheRecords());
  }
}
