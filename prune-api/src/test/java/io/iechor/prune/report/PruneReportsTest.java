package io.iechor.prune.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.iechor.prune.ApiVersion;
import io.iechor.prune.EngineInfo;
import io.iechor.prune.ObjectKind;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class PruneReportsTest {
  private static final EngineInfo ENGINE = new EngineInfo("unix:///var/run/docker.sock", ApiVersion.of(1, 41),
      ApiVersion.of(1, 41), "Docker/20.10.24+dfsg1 (linux)", false);

  private static ContainerPruneReport containers(long bytes, String... ids) {
    return new ContainerPruneReport(List.of(ids), bytes, ENGINE);
  }

  private static ImagePruneReport images(long bytes, ImageDeletion... deletions) {
    return new ImagePruneReport(List.of(deletions), bytes, ENGINE);
  }

  @Test
  void reportsAreEqualByContent() {
    assertThat(containers(12, "a", "b")).isEqualTo(containers(12, "a", "b"))
        .hasSameHashCodeAs(containers(12, "a", "b"))
        .isNotEqualTo(containers(12, "b", "a"))
        .isNotEqualTo(containers(13, "a", "b"));
    assertThat(new NetworkPruneReport(List.of("n"), ENGINE)).isEqualTo(new NetworkPruneReport(List.of("n"), ENGINE));
    assertThat(new VolumePruneReport(List.of("v"), 1, ENGINE))
        .isNotEqualTo(new VolumePruneReport(List.of("v"), 1, new EngineInfo("tcp://other:2375",
            ApiVersion.of(1, 41), ApiVersion.of(1, 41), "", false)));
  }

  @Test
  void toStringShowsWhatWasRemoved() {
    assertThat(containers(12, "abc123").toString()).contains("abc123").contains("12");
    assertThat(images(5, ImageDeletion.untagged("app:1")).toString()).contains("UNTAGGED").contains("app:1");
    assertThat(new BuildCachePruneReport(List.of("cache1"), 762880, ENGINE).toString()).contains("cache1")
        .contains("762880");
  }

  @Test
  void listsAreCopiedAndCannotBeChanged() {
    List<String> ids = new ArrayList<>(List.of("a"));
    ContainerPruneReport r = new ContainerPruneReport(ids, 0, ENGINE);

    ids.add("b");

    assertThat(r.deletedContainers()).containsExactly("a");
    assertThatThrownBy(() -> r.deletedContainers().add("c")).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> r.removed().clear()).isInstanceOf(UnsupportedOperationException.class);
    ImagePruneReport i = images(0, ImageDeletion.deleted("sha256:1"));
    assertThatThrownBy(() -> i.deletions().clear()).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> i.untagged().add("x")).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void refusesNullListsNullEntriesAndNegativeSizes() {
    assertThatThrownBy(() -> new ContainerPruneReport(null, 0, ENGINE)).isInstanceOf(NullPointerException.class)
        .hasMessageContaining("deletedContainers");
    assertThatThrownBy(() -> new VolumePruneReport(Arrays.asList("a", null), 0, ENGINE))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> new ImagePruneReport(List.of(), -1, ENGINE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("spaceReclaimed");
    assertThatThrownBy(() -> new NetworkPruneReport(List.of(), null)).isInstanceOf(NullPointerException.class);
  }

  @Test
  void eachReportNamesItsKind() {
    assertThat(containers(0).kind()).isEqualTo(ObjectKind.CONTAINERS);
    assertThat(images(0).kind()).isEqualTo(ObjectKind.IMAGES);
    assertThat(new VolumePruneReport(List.of(), 0, ENGINE).kind()).isEqualTo(ObjectKind.VOLUMES);
    assertThat(new NetworkPruneReport(List.of(), ENGINE).kind()).isEqualTo(ObjectKind.NETWORKS);
    assertThat(new BuildCachePruneReport(List.of(), 0, ENGINE).kind()).isEqualTo(ObjectKind.BUILD_CACHE);
  }

  @Test
  void networksReportNoReclaimedSpaceRatherThanZero() {
    NetworkPruneReport n = new NetworkPruneReport(List.of("lab-net"), ENGINE);

    assertThat(n.reclaimedBytes()).isEmpty();
    assertThat(n.removed()).containsExactly("lab-net");
    assertThat(containers(0).reclaimedBytes()).isEqualTo(OptionalLong.of(0));
  }

  @Test
  void imageReportKeepsUntaggedAndDeletedApartAndInOrder() {
    ImagePruneReport r = images(100,
        ImageDeletion.untagged("lab/a:1"),
        ImageDeletion.deleted("sha256:aaa"),
        ImageDeletion.deleted("sha256:bbb"),
        ImageDeletion.untagged("lab/b:1"),
        ImageDeletion.deleted("sha256:ccc"));

    assertThat(r.untagged()).containsExactly("lab/a:1", "lab/b:1");
    assertThat(r.deleted()).containsExactly("sha256:aaa", "sha256:bbb", "sha256:ccc");
    assertThat(r.removed()).containsExactly("lab/a:1", "sha256:aaa", "sha256:bbb", "lab/b:1", "sha256:ccc");
    assertThat(r.reclaimedBytes()).isEqualTo(OptionalLong.of(100));
  }

  @Test
  void systemReportAddsUpReclaimedSpaceInTheOrderThePrunesRan() {
    ContainerPruneReport c = containers(10, "c1");
    NetworkPruneReport n = new NetworkPruneReport(List.of("n1"), ENGINE);
    VolumePruneReport v = new VolumePruneReport(List.of("v1"), 200, ENGINE);
    ImagePruneReport i = images(3000, ImageDeletion.deleted("sha256:1"));
    BuildCachePruneReport b = new BuildCachePruneReport(List.of("b1"), 40000, ENGINE);

    SystemPruneReport s = new SystemPruneReport(c, n, v, i, b, null);

    assertThat(s.spaceReclaimed()).isEqualTo(43210);
    assertThat(s.reports()).containsExactly(c, n, v, i, b);
    assertThat(s.volumes()).contains(v);
    assertThat(s.buildCache()).contains(b);
    assertThat(s.buildCacheSkipped()).isEmpty();
    assertThat(s.engine()).isEqualTo(ENGINE);
    assertThat(s.toString()).contains("spaceReclaimed=43210");
  }

  @Test
  void systemReportWithoutVolumesAndWithBuildCacheSkipped() {
    SystemPruneReport s = new SystemPruneReport(containers(1), new NetworkPruneReport(List.of(), ENGINE), null,
        images(2), null, "Podman has no build-cache prune");

    assertThat(s.volumes()).isEmpty();
    assertThat(s.buildCache()).isEmpty();
    assertThat(s.buildCacheSkipped()).contains("Podman has no build-cache prune");
    assertThat(s.reports()).extracting(PruneReport::kind)
        .containsExactly(ObjectKind.CONTAINERS, ObjectKind.NETWORKS, ObjectKind.IMAGES);
    assertThat(s.spaceReclaimed()).isEqualTo(3);
    assertThatThrownBy(() -> s.reports().add(containers(0))).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void systemReportTotalStopsAtLongMax() {
    SystemPruneReport s = new SystemPruneReport(containers(Long.MAX_VALUE), new NetworkPruneReport(List.of(), ENGINE),
        null, images(Long.MAX_VALUE), new BuildCachePruneReport(List.of(), 5, ENGINE), null);

    assertThat(s.spaceReclaimed()).isEqualTo(Long.MAX_VALUE);
  }

  @Test
  void systemReportNeedsEitherABuildCacheReportOrAReason() {
    NetworkPruneReport n = new NetworkPruneReport(List.of(), ENGINE);
    BuildCachePruneReport b = new BuildCachePruneReport(List.of(), 0, ENGINE);

    assertThatThrownBy(() -> new SystemPruneReport(containers(0), n, null, images(0), null, null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new SystemPruneReport(containers(0), n, null, images(0), b, "why"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void systemReportsAreEqualByContent() {
    NetworkPruneReport n = new NetworkPruneReport(List.of(), ENGINE);
    SystemPruneReport a = new SystemPruneReport(containers(1, "c"), n, null, images(0), null, "label filter");
    SystemPruneReport same = new SystemPruneReport(containers(1, "c"), n, null, images(0), null, "label filter");
    SystemPruneReport other = new SystemPruneReport(containers(1, "c"), n, null, images(0), null, "Podman");

    assertThat(a).isEqualTo(same).hasSameHashCodeAs(same).isNotEqualTo(other);
  }
}
