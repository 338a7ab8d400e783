package io.iechor.prune.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.iechor.prune.PruneFilters;
import io.iechor.prune.report.BuildCachePruneReport;
import io.iechor.prune.report.ContainerPruneReport;
import io.iechor.prune.report.ImageDeletion;
import io.iechor.prune.report.ImagePruneReport;
import io.iechor.prune.report.NetworkPruneReport;
import io.iechor.prune.report.VolumePruneReport;
import java.util.OptionalLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Reports read from answers recorded on real engines (Docker 20.10.24 and 26.1.5, Podman 4.3.1; see
 * {@code responses/README.md}), and from hand-written answers for what no engine was seen to send.
 */
class ResponseMappingTest {
  private FakeEngine engine;

  @AfterEach
  void stop() {
    if (engine != null) {
      engine.close();
    }
  }

  private EngineClient docker(String... recorded) {
    engine = FakeEngine.docker("1.41");
    for (String r : recorded) {
      engine.answerRecorded("docker-20.10.24/" + r);
    }
    return engine.client();
  }

  private EngineClient podman(String... recorded) {
    engine = FakeEngine.podman("1.41");
    for (String r : recorded) {
      engine.answerRecorded("podman-4.3.1/" + r);
    }
    return engine.client();
  }

  private EngineClient dockerAnswering(String json) {
    engine = FakeEngine.docker("1.41").answer(json);
    return engine.client();
  }

  // ---------------------------------------------------------------- Docker 20.10.24

  @Test
  void dockerContainers() {
    ContainerPruneReport r = docker("containers-prune.json").pruneContainers(PruneFilters.none());

    assertThat(r.deletedContainers()).hasSize(14)
        .startsWith("2cde744d3097898156f435c629a14f8dc96c717fb7bd2179762a7503ac7a8a4c")
        .endsWith("ef32361845661ff17b7d171f7104a3b52b16189b05d02a1c628f84c7aee8a5c5");
    assertThat(r.spaceReclaimed()).isZero();
    assertThat(r.engine().endpoint()).isEqualTo(engine.endpoint());
  }

  @Test
  void dockerNullListsReadAsEmpty() {
    EngineClient c = docker("containers-prune-nothing.json", "images-prune-nothing.json",
        "networks-prune-nothing.json", "build-prune-nothing.json");

    assertThat(c.pruneContainers(PruneFilters.none()).deletedContainers()).isEmpty();
    assertThat(c.pruneImages(PruneFilters.none(), false).deletions()).isEmpty();
    assertThat(c.pruneNetworks(PruneFilters.none()).deletedNetworks()).isEmpty();
    assertThat(c.pruneBuildCache(PruneFilters.none(), false, OptionalLong.empty()).deletedCaches()).isEmpty();
  }

  @Test
  void dockerImagesKeepUntaggedAndDeletedApartAndInOrder() {
    ImagePruneReport r = docker("images-prune-all.json").pruneImages(PruneFilters.none(), true);

    assertThat(r.deletions()).hasSize(37).startsWith(
        ImageDeletion.untagged("lab/dangling-used:1"),
        ImageDeletion.deleted("sha256:e138e36539d1c16a0d3669db0e271e42b4e398ed3ac410b7ddf97b0a810a7dec"),
        ImageDeletion.deleted("sha256:aa96529da044045d8260cc50818ff9c82636107f49f52936afbc0cbb772d8981"),
        ImageDeletion.untagged("lab/labelled:1"));
    assertThat(r.deletions()).endsWith(
        ImageDeletion.deleted("sha256:87005dd360c15fe70e17343033131b98af217ccfbdcb1e28ebc665acfca2ff9c"));
    assertThat(r.untagged()).containsExactly("lab/dangling-used:1", "lab/labelled:1", "lab/built:1",
        "lab/retag-nolabel:1", "lab/nolabel:1", "lab/old:1", "lab/keep:1", "lab/late:1", "lab/retag:1",
        "lab/tagged:1");
    assertThat(r.deleted()).hasSize(27).allMatch(id -> id.startsWith("sha256:"));
    assertThat(r.spaceReclaimed()).isEqualTo(9_916_311);
  }

  @Test
  void dockerDanglingImagesAreOnlyDeleted() {
    ImagePruneReport r = docker("images-prune-dangling.json").pruneImages(PruneFilters.none(), false);

    assertThat(r.untagged()).isEmpty();
    assertThat(r.deleted()).hasSize(8);
    assertThat(r.spaceReclaimed()).isEqualTo(3_051_175);
  }

  @Test
  void dockerVolumes() {
    VolumePruneReport r = docker("volumes-prune.json").pruneVolumes(PruneFilters.none(), false);

    assertThat(r.deletedVolumes()).hasSize(7).startsWith("lab-vol-ci", "lab-vol-ci-keep",
        "b1ab2e2d84bf16733d9e9fe87e7c5ff4878a105ba51d2542476ec2ca00915522").endsWith("lab-vol-nolabel");
    assertThat(r.spaceReclaimed()).isZero();
  }

  @Test
  void dockerNetworksReportNoSpace() {
    NetworkPruneReport r = docker("networks-prune.json").pruneNetworks(PruneFilters.none());

    assertThat(r.deletedNetworks()).containsExactly("lab-net-keep", "lab-net-nolabel", "lab-net-stoppedonly",
        "lab-net-plain", "lab-net-ci", "lab-net-ci-keep", "lab-net-late");
    assertThat(r.reclaimedBytes()).isEmpty();
  }

  @Test
  void dockerBuildCache() {
    BuildCachePruneReport r = docker("build-prune.json").pruneBuildCache(PruneFilters.none(), false,
        OptionalLong.empty());

    assertThat(r.deletedCaches()).containsExactly("kogyhn4by2xdrptz0tf6gapm4", "igi8cp8b14z3fmjh61qkpfwjl",
        "ticaayy6ir0f3pqrxo18yvd6d");
    assertThat(r.spaceReclaimed()).isEqualTo(762_880);
  }

  // ---------------------------------------------------------------- Docker 26.1.5

  private EngineClient docker26(String... recorded) {
    engine = FakeEngine.docker26();
    for (String r : recorded) {
      engine.answerRecorded("docker-26.1.5/" + r);
    }
    return engine.client();
  }

  @Test
  void docker26ContainersAndNetworks() {
    EngineClient c = docker26("containers-prune.json", "networks-prune.json");

    ContainerPruneReport containers = c.pruneContainers(PruneFilters.none());
    NetworkPruneReport networks = c.pruneNetworks(PruneFilters.none());

    assertThat(containers.deletedContainers()).containsExactly(
        "2460aba7bd2906587e984ad6d37bced821acc528fd1bb407e9d3080ca4343ee9",
        "5a2737dba17c63cf172562d135be50ee887e0fff08716c64f417bfc767301a8e");
    assertThat(containers.engine().apiVersion()).hasToString("1.45");
    assertThat(containers.engine().server()).isEqualTo(FakeEngine.DOCKER_26_SERVER);
    assertThat(networks.deletedNetworks()).containsExactly("lab-net-1", "lab-net-2");
  }

  @Test
  void docker26VolumesAnonymousByDefaultThenNamedWithAll() {
    EngineClient c = docker26("volumes-prune-anonymous.json", "volumes-prune-all.json", "volumes-prune-nothing.json");

    assertThat(c.pruneVolumes(PruneFilters.none(), false).deletedVolumes())
        .containsExactly("c04431048d1e4e20929450b425ff9c31e93baf1626de084a644dad864b83b2eb");
    assertThat(c.pruneVolumes(PruneFilters.none(), true).deletedVolumes()).containsExactly("lab-vol-named");
    assertThat(c.pruneVolumes(PruneFilters.none(), true).deletedVolumes()).isEmpty();
  }

  @Test
  void docker26ImagesKeepUntaggedAndDeletedInOrder() {
    EngineClient c = docker26("images-prune-dangling.json", "images-prune-all.json");

    ImagePruneReport dangling = c.pruneImages(PruneFilters.none(), false);
    ImagePruneReport all = c.pruneImages(PruneFilters.none(), true);

    assertThat(dangling.deleted()).containsExactly(
        "sha256:bd91c999ff6cc199b15b86847a82ad49bbb021a9c5c44c2e7b2eef294995bc87",
        "sha256:e9481ad8da8d74e85f4ec286f3dc4bf5e514cd519088110b60fc63f02c697d8e");
    assertThat(dangling.spaceReclaimed()).isEqualTo(6);
    assertThat(all.deletions()).extracting(ImageDeletion::action).containsExactly(
        ImageDeletion.Action.UNTAGGED, ImageDeletion.Action.DELETED, ImageDeletion.Action.DELETED,
        ImageDeletion.Action.UNTAGGED, ImageDeletion.Action.DELETED,
        ImageDeletion.Action.UNTAGGED, ImageDeletion.Action.DELETED, ImageDeletion.Action.DELETED);
    assertThat(all.untagged()).containsExactly("lab/retag:1", "lab/base:1", "lab/tagged:1");
    assertThat(all.spaceReclaimed()).isEqualTo(35);
  }

  @Test
  void docker26BuildCache() {
    EngineClient c = docker26("build-prune-all.json", "build-prune-nothing.json");

    BuildCachePruneReport first = c.pruneBuildCache(PruneFilters.none(), true, OptionalLong.empty());
    BuildCachePruneReport second = c.pruneBuildCache(PruneFilters.none(), true, OptionalLong.empty());

    assertThat(first.deletedCaches()).containsExactly("iaw6i21ehw1y0t50vvdrhlx4z", "kssjig4e08mk0vzjrmxnh7ain",
        "o7wcsm7hheyodpil2wf2uqray", "onnyanzbas2lyrdn9b8o866u5");
    assertThat(first.spaceReclaimed()).isEqualTo(37);
    assertThat(second.deletedCaches()).isEmpty();
  }

  @Test
  void docker26NullLists() {
    EngineClient c = docker26("containers-prune-nothing.json", "networks-prune-nothing.json",
        "images-prune-nothing.json");

    assertThat(c.pruneContainers(PruneFilters.none()).deletedContainers()).isEmpty();
    assertThat(c.pruneNetworks(PruneFilters.none()).deletedNetworks()).isEmpty();
    assertThat(c.pruneImages(PruneFilters.none(), true).deletions()).isEmpty();
  }

  // ---------------------------------------------------------------- Podman 4.3.1

  @Test
  void podmanContainers() {
    ContainerPruneReport r = podman("containers-prune.json").pruneContainers(PruneFilters.none());

    assertThat(r.deletedContainers()).hasSize(14).allMatch(id -> id.matches("[0-9a-f]{64}"));
    assertThat(r.spaceReclaimed()).isEqualTo(120);
    assertThat(r.engine().podman()).isTrue();
  }

  @Test
  void podmanImagesAreBareIds() {
    ImagePruneReport r = podman("images-prune.json").pruneImages(PruneFilters.none(), false);

    assertThat(r.deletions()).containsExactly(
        ImageDeletion.deleted("03266b8fcadabb0f8c52c586cb4051c8d8c8d59af84365ca56a3c4faca854d98"),
        ImageDeletion.deleted("3876ddf79c1376fc2c8a40656d5d55f43c5bfaee8052699fceb395607a20b976"),
        ImageDeletion.deleted("a9756f409f7eefe507d9dde5f5bcc9729936f34b0ded3a92f49b6cbfa0e9edd4"),
        ImageDeletion.deleted("0c893574fd25e503f80abfce0f1f317684ad7822a72003bcb4a0e2d787dc85a2"));
    assertThat(r.untagged()).isEmpty();
    assertThat(r.spaceReclaimed()).isEqualTo(3_076_519);
  }

  @Test
  void podmanEmptyListsAndNullContainers() {
    EngineClient c = podman("containers-prune-nothing.json", "images-prune-nothing.json",
        "networks-prune-nothing.json");

    assertThat(c.pruneContainers(PruneFilters.none()).deletedContainers()).isEmpty();
    assertThat(c.pruneImages(PruneFilters.none(), false).deletions()).isEmpty();
    assertThat(c.pruneNetworks(PruneFilters.none()).deletedNetworks()).isEmpty();
  }

  @Test
  void podmanVolumesAndNetworks() {
    EngineClient c = podman("volumes-prune.json", "networks-prune.json");

    VolumePruneReport v = c.pruneVolumes(PruneFilters.none(), false);
    NetworkPruneReport n = c.pruneNetworks(PruneFilters.none());

    assertThat(v.deletedVolumes()).hasSize(7)
        .startsWith("bb6aa0a474d06a2a3748cffa600424ea30643eeb48bebc372d4c37fe8176466e").endsWith("lab-vol-plain");
    assertThat(n.deletedNetworks()).containsExactly("lab-net-ci-keep", "lab-net-keep", "lab-net-nolabel",
        "lab-net-ci", "lab-net-late", "lab-net-plain");
    assertThat(n.reclaimedBytes()).isEmpty();
  }

  @Test
  void podmanOwnImagePruneListsIdsAndSizesAndLeavesOutFailures() {
    engine = FakeEngine.podman("1.41").answer("[{\"Id\":\"aaa\",\"Err\":null,\"Size\":100},"
        + "{\"Id\":\"bbb\",\"Err\":\"image is in use by a container\",\"Size\":0},"
        + "{\"Id\":\"ccc\",\"Size\":2000,\"Extra\":{\"x\":[1]}}]");

    ImagePruneReport r = engine.client().pruneImages(PruneFilters.none(), true);

    assertThat(r.deletions()).containsExactly(ImageDeletion.deleted("aaa"), ImageDeletion.deleted("ccc"));
    assertThat(r.spaceReclaimed()).isEqualTo(2100);
  }

  @Test
  void podmanOwnImagePruneWithNothingToDo() {
    engine = FakeEngine.podman("1.41").answer("null").answer("[]");
    EngineClient c = engine.client();

    assertThat(c.pruneImages(PruneFilters.none(), true).deletions()).isEmpty();
    assertThat(c.pruneImages(PruneFilters.none(), true).deletions()).isEmpty();
  }

  // ---------------------------------------------------------------- what no engine was seen to send

  @Test
  void sizesAbove2To31AreKept() {
    assertThat(dockerAnswering("{\"ContainersDeleted\":[],\"SpaceReclaimed\":3000000000}")
        .pruneContainers(PruneFilters.none()).spaceReclaimed()).isEqualTo(3_000_000_000L);
  }

  @Test
  void sizesAbove2To63AreClampedToLongMax() {
    // SpaceReclaimed is an unsigned 64-bit number on the engine
    assertThat(dockerAnswering("{\"CachesDeleted\":null,\"SpaceReclaimed\":18446744073709551615}")
        .pruneBuildCache(PruneFilters.none(), false, OptionalLong.empty()).spaceReclaimed())
        .isEqualTo(Long.MAX_VALUE);
    engine.close();
    assertThat(dockerAnswering("{\"VolumesDeleted\":[],\"SpaceReclaimed\":9223372036854775808}")
        .pruneVolumes(PruneFilters.none(), false).spaceReclaimed()).isEqualTo(Long.MAX_VALUE);
    engine.close();
    assertThat(dockerAnswering("{\"VolumesDeleted\":[],\"SpaceReclaimed\":9223372036854775807}")
        .pruneVolumes(PruneFilters.none(), false).spaceReclaimed()).isEqualTo(Long.MAX_VALUE);
  }

  @Test
  void unknownFieldsAreSkipped() {
    ImagePruneReport r = dockerAnswering("{\"Warnings\":[\"w\",{\"deep\":[1,2,{\"x\":null}]}],"
        + "\"ImagesDeleted\":[{\"Untagged\":\"a:1\",\"Extra\":{\"k\":[true]}},{\"Future\":\"x\"},"
        + "{\"Deleted\":\"sha256:1\"}],\"Nested\":{\"SpaceReclaimed\":99},\"SpaceReclaimed\":7,\"Tail\":null}")
        .pruneImages(PruneFilters.none(), false);

    assertThat(r.deletions()).containsExactly(ImageDeletion.untagged("a:1"), ImageDeletion.deleted("sha256:1"));
    assertThat(r.spaceReclaimed()).isEqualTo(7);
  }

  @Test
  void anotherKindsListIsNotTaken() {
    ContainerPruneReport r = dockerAnswering("{\"VolumesDeleted\":[\"v\"],\"ContainersDeleted\":[\"c\"]}")
        .pruneContainers(PruneFilters.none());

    assertThat(r.deletedContainers()).containsExactly("c");
  }

  @Test
  void aMissingListOrSizeIsEmptyOrZero() {
    ContainerPruneReport r = dockerAnswering("{}").pruneContainers(PruneFilters.none());

    assertThat(r.deletedContainers()).isEmpty();
    assertThat(r.spaceReclaimed()).isZero();
  }

  @Test
  void aNullSizeIsZero() {
    assertThat(dockerAnswering("{\"ContainersDeleted\":null,\"SpaceReclaimed\":null}")
        .pruneContainers(PruneFilters.none()).spaceReclaimed()).isZero();
  }
}
