package io.iechor.prune.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The confirmation texts, compared with the user guide's console examples character for character. */
class PromptsTest {

  @Test
  void imagePruneAsInTheGuide() {
    assertThat(Prompts.images(false)).isEqualTo("""
        WARNING! This will remove all dangling images.
        Are you sure you want to continue?""");
  }

  @Test
  void imagePruneAllAsInTheGuide() {
    assertThat(Prompts.images(true)).isEqualTo("""
        WARNING! This will remove all images without at least one container associated to them.
        Are you sure you want to continue?""");
  }

  @Test
  void containerPruneAsInTheGuide() {
    assertThat(Prompts.containers()).isEqualTo("""
        WARNING! This will remove all stopped containers.
        Are you sure you want to continue?""");
  }

  @Test
  void volumePruneAsInTheGuideWhereNamedVolumesGoToo() {
    assertThat(Prompts.volumes(false)).isEqualTo("""
        WARNING! This will remove all volumes not used by at least one container.
        Are you sure you want to continue?""");
  }

  @Test
  void volumePruneSaysAnonymousWhereTheEngineKeepsNamedVolumes() {
    assertThat(Prompts.volumes(true)).isEqualTo("""
        WARNING! This will remove all anonymous volumes not used by at least one container.
        Are you sure you want to continue?""");
  }

  @Test
  void networkPruneAsInTheGuide() {
    assertThat(Prompts.networks()).isEqualTo("""
        WARNING! This will remove all networks not used by at least one container.
        Are you sure you want to continue?""");
  }

  @Test
  void builderPrune() {
    assertThat(Prompts.buildCache(false)).startsWith("WARNING! This will remove all dangling build cache.\n");
    assertThat(Prompts.buildCache(true)).isEqualTo("""
        WARNING! This will remove all build cache.
        Are you sure you want to continue?""");
  }

  @Test
  void systemPruneAsInTheGuide() {
    String prompt = Prompts.system(Prompts.systemItems(false, false, false, true), List.of());

    assertThat(prompt + " [y/N] ").isEqualTo("""
        WARNING! This will remove:
                - all stopped containers
                - all networks not used by at least one container
                - all dangling images
                - unused build cache

        Are you sure you want to continue? [y/N]\s""");
  }

  @Test
  void systemPruneWithVolumesListsVolumesBetweenNetworksAndImages() {
    String prompt = Prompts.system(Prompts.systemItems(true, false, false, true), List.of());

    // The guide's example ends with "all build cache" here, which is what -a removes; without -a
    // the library prunes only unused build cache, and the prompt says so.
    assertThat(prompt).isEqualTo("""
        WARNING! This will remove:
                - all stopped containers
                - all networks not used by at least one container
                - all volumes not used by at least one container
                - all dangling images
                - unused build cache

        Are you sure you want to continue?""");
  }

  @Test
  void systemPruneAllOnAnEngineThatKeepsNamedVolumes() {
    assertThat(Prompts.systemItems(true, true, true, true)).containsExactly(
        "all stopped containers",
        "all networks not used by at least one container",
        "all anonymous volumes not used by at least one container",
        "all images without at least one container associated to them",
        "all build cache");
  }

  @Test
  void systemPruneWithoutBuildCache() {
    assertThat(Prompts.systemItems(false, false, false, false)).containsExactly(
        "all stopped containers", "all networks not used by at least one container", "all dangling images");
  }

  @Test
  void systemPruneListsItsFiltersSorted() {
    String prompt = Prompts.system(Prompts.systemItems(false, false, false, true),
        List.of("until=24h", "label=env=ci", "label!=keep"));

    assertThat(prompt).isEqualTo("""
        WARNING! This will remove:
                - all stopped containers
                - all networks not used by at least one container
                - all dangling images
                - unused build cache

                Items to be pruned will be filtered with:
                - label!=keep
                - label=env=ci
                - until=24h

        Are you sure you want to continue?""");
  }
}
