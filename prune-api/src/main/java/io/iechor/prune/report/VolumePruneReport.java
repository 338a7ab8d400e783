package io.iechor.prune.report;

import io.iechor.prune.EngineInfo;
import io.iechor.prune.ObjectKind;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * The result of a volume prune.
 *
 * @param deletedVolumes names of the removed volumes
 * @param spaceReclaimed bytes freed
 * @param engine the engine that did the work
 */
public record VolumePruneReport(List<String> deletedVolumes, long spaceReclaimed, EngineInfo engine)
    implements PruneReport {

  public VolumePruneReport {
    deletedVolumes = Lists.copy(deletedVolumes, "deletedVolumes");
    Lists.nonNegative(spaceReclaimed, "spaceReclaimed");
    Objects.requireNonNull(engine, "engine");
  }

  @Override
  public ObjectKind kind() {
    return ObjectKind.VOLUMES;
  }

  @Override
  public List<String> removed() {
    return deletedVolumes;
  }

  @Override
  public OptionalLong reclaimedBytes() {
    return OptionalLong.of(spaceReclaimed);
  }
}
