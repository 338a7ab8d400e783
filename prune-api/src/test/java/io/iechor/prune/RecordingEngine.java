package io.iechor.prune;

import io.iechor.prune.report.BuildCachePruneReport;
import io.iechor.prune.report.ContainerPruneReport;
import io.iechor.prune.report.ImagePruneReport;
import io.iechor.prune.report.NetworkPruneReport;
import io.iechor.prune.report.SystemPruneReport;
import io.iechor.prune.report.VolumePruneReport;
import io.iechor.prune.spi.PruneEngine;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CopyOnWriteArrayList;

/** A {@link PruneEngine} that sends nothing: it records each call and answers with empty reports. */
final class RecordingEngine implements PruneEngine {
  static final EngineInfo INFO = new EngineInfo("tcp://fake:2375", ApiVersion.of(1, 41), ApiVersion.of(1, 41),
      "Docker/20.10.24+dfsg1 (linux)", false);

  /**
   * One call.
   *
   * @param method the {@link PruneEngine} method
   * @param filters the filters passed
   * @param all the {@code all} flag, where the method has one
   * @param volumes the {@code volumes} flag of a system prune
   * @param keepStorage the storage to keep of a build-cache prune
   */
  record Call(String method, PruneFilters filters, boolean all, boolean volumes, OptionalLong keepStorage) {
  }

  final List<Call> calls = new CopyOnWriteArrayList<>();
  volatile int closed;

  @Override
  public EngineInfo info() {
    calls.add(new Call("info", null, false, false, OptionalLong.empty()));
    return INFO;
  }

  @Override
  public ContainerPruneReport pruneContainers(PruneFilters filters) {
    calls.add(new Call("pruneContainers", filters, false, false, OptionalLong.empty()));
    return new ContainerPruneReport(List.of(), 0, INFO);
  }

  @Override
  public ImagePruneReport pruneImages(PruneFilters filters, boolean all) {
    calls.add(new Call("pruneImages", filters, all, false, OptionalLong.empty()));
    return new ImagePruneReport(List.of(), 0, INFO);
  }

  @Override
  public VolumePruneReport pruneVolumes(PruneFilters filters, boolean all) {
    calls.add(new Call("pruneVolumes", filters, all, false, OptionalLong.empty()));
    return new VolumePruneReport(List.of(), 0, INFO);
  }

  @Override
  public NetworkPruneReport pruneNetworks(PruneFilters filters) {
    calls.add(new Call("pruneNetworks", filters, false, false, OptionalLong.empty()));
    return new NetworkPruneReport(List.of(), INFO);
  }

  @Override
  public BuildCachePruneReport pruneBuildCache(PruneFilters filters, boolean all, OptionalLong keepStorage) {
    calls.add(new Call("pruneBuildCache", filters, all, false, keepStorage));
    return new BuildCachePruneReport(List.of(), 0, INFO);
  }

  @Override
  public SystemPruneReport pruneSystem(PruneFilters filters, boolean all, boolean volumes) {
    calls.add(new Call("pruneSystem", filters, all, volumes, OptionalLong.empty()));
    return new SystemPruneReport(new ContainerPruneReport(List.of(), 0, INFO), new NetworkPruneReport(List.of(), INFO),
        null, new ImagePruneReport(List.of(), 0, INFO), null, "skipped by the recording engine");
  }

  @Override
  public void close() {
    closed++;
  }

  Call only() {
    if (calls.size() != 1) {
      throw new AssertionError("expected one call, got " + calls);
    }
    return calls.get(0);
  }
}
