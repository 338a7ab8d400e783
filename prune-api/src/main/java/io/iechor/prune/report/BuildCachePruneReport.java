package io.iechor.prune.report;

import io.iechor.prune.EngineInfo;
import io.iechor.prune.ObjectKind;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * The result of a build-cache prune.
 *
 * @param deletedCaches IDs of the removed build-cache records
 * @param spaceReclaimed bytes freed
 * @param engine the engine that did the work
 */
public record BuildCachePruneReport(List<String> deletedCaches, long spaceReclaimed, EngineInfo engine)
    implements PruneReport {

  public BuildCachePruneReport {
    deletedCaches = Lists.copy(deletedCaches, "deletedCaches");
    Lists.nonNegative(spaceReclaimed, "spaceReclaimed");
    Objects.requireNonNull(engine, "engine");
  }

  @Override
  public ObjectKind kind() {
    return ObjectKind.BUILD_CACHE;
  }

  @Override
  public List<String> removed() {
    return deletedCaches;
  }

  @Override
  public OptionalLong reclaimedBytes() {
    return OptionalLong.of(spaceReclaimed);
  }
}
