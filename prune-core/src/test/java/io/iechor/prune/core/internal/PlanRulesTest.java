package io.iechor.prune.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.iechor.prune.Label;
import io.iechor.prune.PruneFilters;
import io.iechor.prune.Until;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The label and until rules of each engine, and the shapes of list answers the recordings do not cover. */
class PlanRulesTest {
  private static final Map<String, String> CI = Map.of("env", "ci");
  private static final Map<String, String> CI_KEEP = Map.of("env", "ci", "keep", "yes");
  private static final Map<String, String> KEEP = Map.of("keep", "yes");
  private static final Map<String, String> NONE = Map.of();

  private static PruneFilters without(String... keys) {
    PruneFilters f = PruneFilters.none();
    for (String k : keys) {
      f = f.withoutLabel(Label.parse(k));
    }
    return f;
  }

  @Test
  void dockerAndsLabelsAndKeepsOnlyWhatMatchesEveryExcludedLabel() {
    PruneFilters both = PruneFilters.none().withLabel(Label.key("env")).withLabel(Label.of("keep", "yes"));
    assertThat(LabelRule.DOCKER.matches(both, CI_KEEP)).isTrue();
    assertThat(LabelRule.DOCKER.matches(both, CI)).isFalse();
    assertThat(LabelRule.DOCKER.matches(both, NONE)).isFalse();

    PruneFilters notBoth = without("env=ci", "keep");
    assertThat(LabelRule.DOCKER.matches(notBoth, CI)).isTrue();
    assertThat(LabelRule.DOCKER.matches(notBoth, KEEP)).isTrue();
    assertThat(LabelRule.DOCKER.matches(notBoth, CI_KEEP)).isFalse();
    assertThat(LabelRule.DOCKER.matches(notBoth, NONE)).isTrue();
    assertThat(LabelRule.PODMAN_ANY_EXCLUDED.matches(notBoth, CI)).isFalse();
  }

  @Test
  void anEmptyValueMatchesOnlyAnEmptyValueOnDockerAndAnyValueOnPodman() {
    PruneFilters empty = PruneFilters.none().withLabel(Label.of("env", ""));
    assertThat(LabelRule.DOCKER.matches(empty, CI)).isFalse();
    assertThat(LabelRule.DOCKER.matches(empty, Map.of("env", ""))).isTrue();
    assertThat(LabelRule.PODMAN_ALL.matches(empty, CI)).isTrue();
  }

  @Test
  void podmanLabelKeysMayBeGlobs() {
    PruneFilters glob = PruneFilters.none().withLabel(Label.of("com.example.*", "1"));
    assertThat(LabelRule.PODMAN_ALL.matches(glob, Map.of("com.example.team", "1"))).isTrue();
    assertThat(LabelRule.PODMAN_ALL.matches(glob, Map.of("com.example.team", "2"))).isFalse();
    assertThat(LabelRule.DOCKER.matches(glob, Map.of("com.example.team", "1"))).isFalse();
  }

  @Test
  void podmansOrRules() {
    PruneFilters either = PruneFilters.none().withLabel(Label.key("env")).withLabel(Label.key("keep"));
    assertThat(LabelRule.PODMAN_ANY_LABEL.matches(either, KEEP)).isTrue();
    assertThat(LabelRule.PODMAN_ANY_LABEL.matches(either, NONE)).isFalse();
    PruneFilters group = PruneFilters.none().withLabel(Label.key("env")).withoutLabel(Label.key("keep"));
    assertThat(LabelRule.PODMAN_ONE_GROUP.matches(group, CI_KEEP)).isTrue();
    assertThat(LabelRule.PODMAN_ONE_GROUP.matches(group, NONE)).isTrue();
    assertThat(LabelRule.PODMAN_ONE_GROUP.matches(group, KEEP)).isFalse();
    assertThat(LabelRule.PODMAN_ONE_GROUP.matches(PruneFilters.none(), KEEP)).isTrue();
  }

  @Test
  void aDurationCountsBackFromTheEnginesClockToTheSecond() {
    OffsetDateTime now = OffsetDateTime.parse("2026-12-03T18:00:00.750+02:00");
    assertThat(Cutoff.of(Until.ago(Duration.ofHours(24)), now)).isEqualTo(Instant.parse("2026-12-02T16:00:00Z"));
    assertThat(Cutoff.forBuildCache(Until.ago(Duration.ofHours(24)), now))
        .isEqualTo(Instant.parse("2026-12-02T16:00:00.750Z"));
  }

  @Test
  void aTimeWithoutZoneIsReadInTheEnginesZone() {
    OffsetDateTime now = OffsetDateTime.parse("2026-12-03T18:00:00+02:00");
    assertThat(Cutoff.of(Until.parse("2026-12-01T10:30"), now)).isEqualTo(Instant.parse("2026-12-01T08:30:00Z"));
    assertThat(Cutoff.of(Until.parse("2026-12-01"), now)).isEqualTo(Instant.parse("2026-11-30T22:00:00Z"));
    assertThat(Cutoff.of(Until.parse("2026-12-01T10:30:00Z"), now)).isEqualTo(Instant.parse("2026-12-01T10:30:00Z"));
    assertThat(Cutoff.of(Until.parse("1767225600.5"), now)).isEqualTo(Instant.parse("2026-01-01T00:00:00.5Z"));
  }

  @Test
  void dockerPrunesWhatIsNotAfterTheCutoffPodmanWhatIsStrictlyBefore() {
    Instant cutoff = Instant.parse("2026-12-01T00:00:00Z");
    assertThat(Cutoff.reached(cutoff, cutoff, false)).isTrue();
    assertThat(Cutoff.reached(cutoff, cutoff, true)).isFalse();
    assertThat(Cutoff.reached(null, cutoff, false)).isFalse();
    // Listed to the second: 00:00:00 may be 00:00:00.9, after a cutoff at .5.
    assertThat(Cutoff.undecided(cutoff, cutoff.plusMillis(500))).isTrue();
    assertThat(Cutoff.undecided(cutoff, cutoff.plusSeconds(1))).isFalse();
    assertThat(Cutoff.undecided(cutoff.plusSeconds(1), cutoff)).isFalse();
  }

  @Test
  void listShapesOfOlderAndOtherEngines() throws IOException {
    ImageEntry podmanChild = PlannerTest.read("{\"Id\":\"sha256:bb\",\"ParentId\":\"aa\",\"RepoTags\":null,"
        + "\"RepoDigests\":[],\"Created\":1796319703,\"Labels\":null}", ListReader::image);
    assertThat(podmanChild.parentId()).isEqualTo("sha256:aa");
    assertThat(podmanChild.untagged()).isTrue();
    ImageEntry docker = PlannerTest.read("{\"Id\":\"sha256:cc\",\"ParentId\":\"\",\"RepoTags\":[\"<none>:<none>\"],"
        + "\"RepoDigests\":[\"<none>@<none>\"],\"Created\":0}", ListReader::image);
    assertThat(docker.tags()).isEmpty();
    assertThat(docker.digests()).isEmpty();
    assertThat(docker.created()).isNull();

    CacheEntry v145 = PlannerTest.read("{\"ID\":\"x\",\" Parents\":[\"p\",\"q\"],\"Type\":\"regular\","
        + "\"LastUsedAt\":null,\"CreatedAt\":\"2026-12-03T17:43:28.926134024Z\",\"Size\":6}", UsageReader::cacheRecord);
    CacheEntry v141 = PlannerTest.read("{\"ID\":\"y\",\"Parent\":\"p\",\"Parents\":null}", UsageReader::cacheRecord);
    assertThat(v145.parents()).containsExactly("p", "q");
    assertThat(v145.lastUsed()).isNull();
    assertThat(v141.parents()).containsExactly("p");
    assertThat(v141.size()).isEqualTo(-1);

    EngineFacts facts = PlannerTest.read("{\"SystemTime\":\"2026-12-03T19:44:55.807857028+01:00\"}", UsageReader::info);
    assertThat(facts.now().getOffset().getTotalSeconds()).isEqualTo(3600);
    assertThat(facts.containerdStore()).isFalse();
    List<VolumeEntry> volumes = PlannerTest.read("{\"Volumes\":null,\"Warnings\":null}", ListReader::volumes);
    assertThat(volumes).isEmpty();
  }
}
