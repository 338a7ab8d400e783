package io.iechor.prune.report;

import io.iechor.prune.EngineInfo;
import io.iechor.prune.ObjectKind;
import java.util.List;
import java.util.OptionalLong;

/**
 * What one prune of one kind removed, as the engine reported it.
 *
 * <p>Each kind has its own record with names that say what the entries are
 * ({@link ImagePruneReport#untagged()}, {@link VolumePruneReport#deletedVolumes()}, ...);
 * this interface is the view they share.
 */
public sealed interface PruneReport
    permits ContainerPruneReport, ImagePruneReport, VolumePruneReport, NetworkPruneReport, BuildCachePruneReport {

  /** The kind of object pruned. */
  ObjectKind kind();

  /**
   * The identifiers of what was removed, in the engine's order: container IDs, image references
   * and IDs, volume names, network names, build-cache record IDs.
   */
  List<String> removed();

  /** Bytes freed, or empty where the engine reports none (network prune). Empty is not zero. */
  OptionalLong reclaimedBytes();

  /** The engine and API version that did the work. */
  EngineInfo engine();
}
