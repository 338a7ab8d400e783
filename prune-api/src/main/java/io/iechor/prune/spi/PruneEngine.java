package io.iechor.prune.spi;

import io.iechor.prune.EngineInfo;
import io.iechor.prune.PruneFilters;
import io.iechor.prune.plan.ApplyResult;
import io.iechor.prune.plan.PrunePlan;
import io.iechor.prune.report.BuildCachePruneReport;
import io.iechor.prune.report.ContainerPruneReport;
import io.iechor.prune.report.ImagePruneReport;
import io.iechor.prune.report.NetworkPruneReport;
import io.iechor.prune.report.SystemPruneReport;
import io.iechor.prune.report.VolumePruneReport;
import java.util.OptionalLong;

/**
 * The engine client behind the fluent API: one method per prune. Implemented by
 * {@code prune-core}; users call {@link io.iechor.prune.Pruner} instead. Implementations are
 * thread-safe and validate every argument against the negotiated API version before sending.
 */
public interface PruneEngine extends AutoCloseable {

  /** Connects if needed and returns what was learned from the engine's ping. */
  EngineInfo info();

  ContainerPruneReport pruneContainers(PruneFilters filters);

  ImagePruneReport pruneImages(PruneFilters filters, boolean all);

  VolumePruneReport pruneVolumes(PruneFilters filters, boolean all);

  NetworkPruneReport pruneNetworks(PruneFilters filters);

  BuildCachePruneReport pruneBuildCache(PruneFilters filters, boolean all, OptionalLong keepStorage);

  SystemPruneReport pruneSystem(PruneFilters filters, boolean all, boolean volumes);

  /**
   * Lists what a prune would remove now, removing nothing. Clients that cannot plan keep this
   * default.
   *
   * @throws UnsupportedOperationException when this client cannot plan
   */
  default PrunePlan plan(PlanRequest request) {
    throw new UnsupportedOperationException(getClass().getName() + " cannot make prune plans");
  }

  /**
   * Removes exactly the objects of {@code plan}, checking each again first; see
   * {@link PrunePlan#apply()}.
   *
   * @throws UnsupportedOperationException when this client cannot apply plans
   */
  default ApplyResult apply(PrunePlan plan) {
    throw new UnsupportedOperationException(getClass().getName() + " cannot apply prune plans");
  }

  @Override
  void close();
}
