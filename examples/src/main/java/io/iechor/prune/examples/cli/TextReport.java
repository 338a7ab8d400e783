package io.iechor.prune.examples.cli;

import io.iechor.prune.report.BuildCachePruneReport;
import io.iechor.prune.report.ByteSize;
import io.iechor.prune.report.ContainerPruneReport;
import io.iechor.prune.report.ImageDeletion;
import io.iechor.prune.report.ImagePruneReport;
import io.iechor.prune.report.NetworkPruneReport;
import io.iechor.prune.report.SystemPruneReport;
import io.iechor.prune.report.VolumePruneReport;
import java.util.List;

/**
 * Reports as the iEchor CLI prints them: a section per kind with something deleted (heading, one
 * line per item, a blank line), then {@code Total reclaimed space: <size>}. Network prune has no
 * total, since the engine reports no space for networks; a system prune prints one total at the end.
 */
final class TextReport {
  private TextReport() {
  }

  static String containers(ContainerPruneReport r) {
    return containerSection(r) + total(r.spaceReclaimed());
  }

  static String images(ImagePruneReport r) {
    return imageSection(r) + total(r.spaceReclaimed());
  }

  static String volumes(VolumePruneReport r) {
    return volumeSection(r) + total(r.spaceReclaimed());
  }

  /** Nothing at all when no network was removed, as in the CLI. */
  static String networks(NetworkPruneReport r) {
    return section("Deleted Networks:", r.deletedNetworks());
  }

  static String buildCache(BuildCachePruneReport r) {
    return buildCacheSection(r) + total(r.spaceReclaimed());
  }

  static String system(SystemPruneReport r) {
    StringBuilder b = new StringBuilder();
    b.append(containerSection(r.containers()));
    b.append(networks(r.networks()));
    r.volumes().ifPresent(v -> b.append(volumeSection(v)));
    b.append(imageSection(r.images()));
    r.buildCache().ifPresent(c -> b.append(buildCacheSection(c)));
    return b.append(total(r.spaceReclaimed())).toString();
  }

  private static String containerSection(ContainerPruneReport r) {
    return section("Deleted Containers:", r.deletedContainers());
  }

  private static String imageSection(ImagePruneReport r) {
    List<String> lines = r.deletions().stream()
        .map(d -> (d.action() == ImageDeletion.Action.UNTAGGED ? "untagged: " : "deleted: ") + d.reference())
        .toList();
    return section("Deleted Images:", lines);
  }

  private static String volumeSection(VolumePruneReport r) {
    return section("Deleted Volumes:", r.deletedVolumes());
  }

  private static String buildCacheSection(BuildCachePruneReport r) {
    return section("Deleted build cache objects:", r.deletedCaches());
  }

  private static String section(String heading, List<String> lines) {
    if (lines.isEmpty()) {
      return "";
    }
    StringBuilder b = new StringBuilder(heading).append('\n');
    lines.forEach(l -> b.append(l).append('\n'));
    return b.append('\n').toString();
  }

  private static String total(long bytes) {
    return "Total reclaimed space: " + ByteSize.format(bytes) + "\n";
  }
}
