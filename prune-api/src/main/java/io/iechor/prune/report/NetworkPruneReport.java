package io.iechor.prune.report;

import io.iechor.prune.EngineInfo;
import io.iechor.prune.ObjectKind;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * The result of a network prune. The engine reports no reclaimed space for networks, so there is
 * no {@code spaceReclaimed} here and {@link #reclaimedBytes()} is empty.
 *
 * @param deletedNetworks names of the removed networks
 * @param engine the engine that did the work
 */
public record NetworkPruneReport(List<String> deletedNetworks, EngineInfo engine) implements PruneReport {

  public NetworkPruneReport {
    deletedNetworks = Lists.copy(deletedNetworks, "deletedNetworks");
    Objects.requireNonNull(engine, "engine");
  }

  @Override
  public ObjectKind kind() {
    return ObjectKind.NETWORKS;
  }

  @Override
  public List<String> removed() {
    return deletedNetworks;
  }

  @Override
  public OptionalLong reclaimedBytes() {
    return OptionalLong.empty();
  }
}
