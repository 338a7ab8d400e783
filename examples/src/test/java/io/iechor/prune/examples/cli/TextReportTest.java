package io.iechor.prune.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.iechor.prune.ApiVersion;
import io.iechor.prune.EngineInfo;
import io.iechor.prune.report.BuildCachePruneReport;
import io.iechor.prune.report.ContainerPruneReport;
import io.iechor.prune.report.ImageDeletion;
import io.iechor.prune.report.ImagePruneReport;
import io.iechor.prune.report.NetworkPruneReport;
import io.iechor.prune.report.SystemPruneReport;
import io.iechor.prune.report.VolumePruneReport;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The CLI's output for each report: headings, one line per item, blank lines, totals. */
class TextReportTest {
  static final EngineInfo ENGINE = new EngineInfo("unix:///tmp/e/docker.sock", ApiVersion.of(1, 41),
      ApiVersion.of(1, 41), "Docker/20.10.24 (linux)", false);

  @Test
  void containers() {
    ContainerPruneReport r = new ContainerPruneReport(List.of("c1", "c2"), 1234, ENGINE);

    assertThat(TextReport.containers(r)).isEqualTo("""
        Deleted Containers:
        c1
        c2

        Total reclaimed space: 1.234kB
        """);
  }

  @Test
  void nothingDeletedPrintsOnlyTheTotal() {
    assertThat(TextReport.containers(new ContainerPruneReport(List.of(), 0, ENGINE)))
        .isEqualTo("Total reclaimed space: 0B\n");
    assertThat(TextReport.images(new ImagePruneReport(List.of(), 0, ENGINE)))
        .isEqualTo("Total reclaimed space: 0B\n");
    assertThat(TextReport.volumes(new VolumePruneReport(List.of(), 0, ENGINE)))
        .isEqualTo("Total reclaimed space: 0B\n");
    assertThat(TextReport.buildCache(new BuildCachePruneReport(List.of(), 0, ENGINE)))
        .isEqualTo("Total reclaimed space: 0B\n");
  }

  @Test
  void imagesInTheEnginesOrderUntaggedThenDeleted() {
    ImagePruneReport r = new ImagePruneReport(List.of(ImageDeletion.untagged("app:1"),
        ImageDeletion.deleted("sha256:aaa"), ImageDeletion.deleted("sha256:bbb")), 16_430_000, ENGINE);

    assertThat(TextReport.images(r)).isEqualTo("""
        Deleted Images:
        untagged: app:1
        deleted: sha256:aaa
        deleted: sha256:bbb

        Total reclaimed space: 16.43MB
        """);
  }

  @Test
  void volumes() {
    assertThat(TextReport.volumes(new VolumePruneReport(List.of("data"), 999, ENGINE))).isEqualTo("""
        Deleted Volumes:
        data

        Total reclaimed space: 999B
        """);
  }

  @Test
  void networksHaveNoTotal() {
    assertThat(TextReport.networks(new NetworkPruneReport(List.of("ci-net", "old-net"), ENGINE))).isEqualTo("""
        Deleted Networks:
        ci-net
        old-net

        """);
  }

  @Test
  void noNetworkDeletedPrintsNothing() {
    assertThat(TextReport.networks(new NetworkPruneReport(List.of(), ENGINE))).isEmpty();
  }

  @Test
  void buildCache() {
    assertThat(TextReport.buildCache(new BuildCachePruneReport(List.of("k1"), 1_000_000_000, ENGINE))).isEqualTo("""
        Deleted build cache objects:
        k1

        Total reclaimed space: 1GB
        """);
  }

  @Test
  void systemPrintsEachSectionThenOneTotal() {
    SystemPruneReport r = new SystemPruneReport(
        new ContainerPruneReport(List.of("c1"), 100, ENGINE),
        new NetworkPruneReport(List.of("n1"), ENGINE),
        new VolumePruneReport(List.of("v1"), 200, ENGINE),
        new ImagePruneReport(List.of(ImageDeletion.deleted("sha256:i1")), 300, ENGINE),
        new BuildCachePruneReport(List.of("b1"), 400, ENGINE), null);

    assertThat(TextReport.system(r)).isEqualTo("""
        Deleted Containers:
        c1

        Deleted Networks:
        n1

        Deleted Volumes:
        v1

        Deleted Images:
        deleted: sha256:i1

        Deleted build cache objects:
        b1

        Total reclaimed space: 1kB
        """);
  }

  @Test
  void systemSkipsEmptySectionsAndMissingKinds() {
    SystemPruneReport r = new SystemPruneReport(
        new ContainerPruneReport(List.of(), 0, ENGINE),
        new NetworkPruneReport(List.of(), ENGINE),
        null,
        new ImagePruneReport(List.of(ImageDeletion.deleted("sha256:i1")), 2048, ENGINE),
        null, "a label filter was given");

    assertThat(TextReport.system(r)).isEqualTo("""
        Deleted Images:
        deleted: sha256:i1

        Total reclaimed space: 2.048kB
        """);
  }
}
