package io.iechor.prune.report;

import io.iechor.prune.EngineInfo;
import io.iechor.prune.ObjectKind;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * The result of a container prune.
 *
 * @param deletedContainers IDs of the removed containers
 * @param spaceReclaimed bytes freed (the removed containers' writable layers)
 * @param engine the engine that did the work
 */
public record ContainerPruneReport(List<String> deletedContainers, long spaceReclaimed, EngineInfo engine)
    implements PruneReport {

  public ContainerPruneReport {
    deletedContainers = Lists.copy(deletedContainers, "deletedContainers");
    Lists.nonNegative(spaceReclaimed, "spaceReclaimed");
    Objects.requireNonNull(engine, "engine");
  }

  @Override
  public ObjectKind kind() {
    return ObjectKind.CONTAINERS;
  }

  @Override
  public List<String> removed() {
    return deletedContainers;
  }

  @Override
  public OptionalLong reclaimedBytes() {
    return OptionalLong.of(spaceReclaimed);
  }
}
