package io.iechor.prune.examples.cli;

import static io.iechor.prune.examples.cli.TextReportTest.ENGINE;
import static org.assertj.core.api.Assertions.assertThat;

import io.iechor.prune.report.BuildCachePruneReport;
import io.iechor.prune.report.ContainerPruneReport;
import io.iechor.prune.report.ImageDeletion;
import io.iechor.prune.report.ImagePruneReport;
import io.iechor.prune.report.NetworkPruneReport;
import io.iechor.prune.report.SystemPruneReport;
import io.iechor.prune.report.VolumePruneReport;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code --format json}: the reports' own field names, sizes in bytes, no size for networks. */
class JsonReportTest {

  @Test
  void containerReportWithItsEngine() {
    assertThat(JsonReport.of(new ContainerPruneReport(List.of("c1", "c\"2"), 1234, ENGINE))).isEqualTo("""
        {
          "deletedContainers" : [ "c1", "c\\"2" ],
          "spaceReclaimed" : 1234,
          "engine" : {
            "endpoint" : "unix:///tmp/e/docker.sock",
            "apiVersion" : "1.41",
            "engineApiVersion" : "1.41",
            "server" : "Docker/20.10.24 (linux)",
            "podman" : false
          }
        }
        """);
  }

  @Test
  void imageDeletionsKeepTheirAction() {
    String json = JsonReport.of(new ImagePruneReport(
        List.of(ImageDeletion.untagged("app:1"), ImageDeletion.deleted("sha256:a")), 5, ENGINE));

    assertThat(json).startsWith("""
        {
          "deletions" : [ {
            "action" : "untagged",
            "reference" : "app:1"
          }, {
            "action" : "deleted",
            "reference" : "sha256:a"
          } ],
          "spaceReclaimed" : 5,
        """);
  }

  @Test
  void networkReportHasNoSpaceReclaimed() {
    String json = JsonReport.of(new NetworkPruneReport(List.of("n1"), ENGINE));

    assertThat(json).startsWith("{\n  \"deletedNetworks\" : [ \"n1\" ],\n  \"engine\" : {")
        .doesNotContain("spaceReclaimed");
  }

  @Test
  void volumeAndBuildCacheReports() {
    assertThat(JsonReport.of(new VolumePruneReport(List.of("v1"), 7, ENGINE)))
        .startsWith("{\n  \"deletedVolumes\" : [ \"v1\" ],\n  \"spaceReclaimed\" : 7,");
    assertThat(JsonReport.of(new BuildCachePruneReport(List.of("b1"), 8, ENGINE)))
        .startsWith("{\n  \"deletedCaches\" : [ \"b1\" ],\n  \"spaceReclaimed\" : 8,");
  }

  @Test
  void systemReportNestsKindsAndGivesTheTotal() {
    SystemPruneReport r = new SystemPruneReport(
        new ContainerPruneReport(List.of("c1"), 100, ENGINE),
        new NetworkPruneReport(List.of(), ENGINE),
        null,
        new ImagePruneReport(List.of(), 0, ENGINE),
        null, "a label filter was given");

    assertThat(JsonReport.of(r)).isEqualTo("""
        {
          "containers" : {
            "deletedContainers" : [ "c1" ],
            "spaceReclaimed" : 100
          },
          "networks" : {
            "deletedNetworks" : [ ]
          },
          "volumes" : null,
          "images" : {
            "deletions" : [ ],
            "spaceReclaimed" : 0
          },
          "buildCache" : null,
          "buildCacheSkipped" : "a label filter was given",
          "spaceReclaimed" : 100,
          "engine" : {
            "endpoint" : "unix:///tmp/e/docker.sock",
            "apiVersion" : "1.41",
            "engineApiVersion" : "1.41",
            "server" : "Docker/20.10.24 (linux)",
            "podman" : false
          }
        }
        """);
  }
}
