package io.iechor.prune.examples.cli;

import static io.iechor.prune.examples.cli.GuideCommandsIT.BUILD_CACHE;
import static io.iechor.prune.examples.cli.GuideCommandsIT.CONTAINERS;
import static io.iechor.prune.examples.cli.GuideCommandsIT.IMAGES;
import static io.iechor.prune.examples.cli.GuideCommandsIT.NETWORKS;
import static io.iechor.prune.examples.cli.GuideCommandsIT.VOLUMES;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.iechor.prune.examples.EngineState;
import io.iechor.prune.examples.Garbage;
import io.iechor.prune.examples.PrivateEngine;
import io.iechor.prune.testing.Fixtures;
import io.iechor.prune.testing.TestEngine;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code --dry-run} on a real engine: it asks nothing, removes nothing, and lists exactly what the
 * same command with {@code -f} then removes, section by section, with sizes and the total.
 */
class DryRunIT {
  private static final Map<String, String> DELETED = Map.of(
      "Containers that would be removed:", CONTAINERS, "Networks that would be removed:", NETWORKS,
      "Volumes that would be removed:", VOLUMES, "Images that would be removed:", IMAGES,
      "Build cache objects that would be removed:", BUILD_CACHE);

  static TestEngine engine;
  Fixtures fx;
  Garbage g;

  @BeforeAll
  static void startEngine() {
    engine = PrivateEngine.get();
  }

  @BeforeEach
  void makeGarbage() {
    g = Garbage.create(engine);
    fx = engine.fixtures();
  }

  static CliRun iechor(String... words) {
    CliRun run = CliRun.on(engine.unixEndpoint(), "", words);
    assertThat(run.err()).isEmpty();
    assertThat(run.status()).isZero();
    return run;
  }

  @ParameterizedTest
  @ValueSource(strings = {"image prune", "image prune -a", "image prune -a --filter until=24h", "container prune",
      "container prune --filter label!=keep", "volume prune", "volume prune -a", "network prune",
      "system prune", "system prune -a --volumes", "builder prune -a"})
  void aDryRunListsWhatTheCommandThenRemovesAndRemovesNothing(String command) {
    if (command.startsWith("builder")) {
      fx.buildWithCache("demo/built:1");
    }
    EngineState before = EngineState.of(fx);

    CliRun dry = iechor(CliRun.words(command + " --dry-run"));

    assertThat(dry.out()).doesNotContain("WARNING", "[y/N]").endsWith("Dry run: nothing was removed.\n");
    assertThat(EngineState.of(fx)).isEqualTo(before);
    Map<String, List<String[]>> planned = sections(dry.out());
    assertThat(planned).as(dry.out()).isNotEmpty();
    if (!command.startsWith("network")) {
      assertThat(dry.out()).containsPattern("\nTotal reclaimable space: [0-9.]+(B|kB|MB|GB)\n");
    }

    Printed pruned = Printed.read(iechor(CliRun.words(command + " -f")).out(), "");
    assertThat(planned.keySet()).extracting(DELETED::get).containsExactlyInAnyOrderElementsOf(
        pruned.sections().keySet());
    planned.forEach((heading, rows) -> assertSame(heading, rows, pruned.section(DELETED.get(heading))));
  }

  /** Each planned row against the lines the prune printed for that kind. */
  private static void assertSame(String heading, List<String[]> rows, List<String> deleted) {
    if (heading.startsWith("Images")) {
      // The prune prints untagged references and deleted IDs (layers too); the plan one row per image.
      Set<String> ids = deleted.stream().filter(l -> l.startsWith("deleted: sha256:"))
          .map(l -> l.substring("deleted: sha256:".length(), "deleted: sha256:".length() + 12)).collect(Collectors.toSet());
      Set<String> tags = deleted.stream().filter(l -> l.startsWith("untagged: ")).map(l -> l.substring(10))
          .collect(Collectors.toCollection(TreeSet::new));
      assertThat(ids).containsAll(rows.stream().map(r -> r[0]).toList());
      assertThat(tags).isEqualTo(rows.stream().filter(r -> !r[1].equals("<none>"))
          .flatMap(r -> List.of(r[1].split(", ")).stream()).collect(Collectors.toCollection(TreeSet::new)));
      return;
    }
    // Containers and build cache are printed by full ID, networks and volumes by name.
    int column = heading.startsWith("Networks") ? 1 : 0;
    List<String> planned = rows.stream().map(r -> r[column]).toList();
    assertThat(deleted).hasSameSizeAs(planned);
    assertThat(deleted).allMatch(d -> planned.stream().anyMatch(d::startsWith), "printed by the dry run: " + planned);
  }

  /** The sections of a dry run: heading to rows of columns (ID, names, size; volumes: name, size). */
  static Map<String, List<String[]>> sections(String out) {
    Map<String, List<String[]>> sections = new LinkedHashMap<>();
    List<String[]> current = null;
    for (String line : out.split("\n")) {
      if (line.endsWith("that would be removed:")) {
        current = new ArrayList<>();
        sections.put(line, current);
      } else if (line.startsWith("  ") && current != null) {
        current.add(line.strip().split(" {2,}"));
      } else {
        current = null;
      }
    }
    return sections;
  }

  @Test
  void sizesAndTheTotalAreTheEnginesFigures() {
    CliRun dry = iechor("image", "prune", "-a", "--dry-run");

    List<String[]> images = sections(dry.out()).get("Images that would be removed:");
    assertThat(images).extracting(r -> r[r.length - 1]).allMatch(s -> s.matches("[0-9.]+(B|kB|MB)"));
    assertThat(dry.out()).contains(Garbage.TOOL, Garbage.KEPT, Garbage.OLD).doesNotContain(Garbage.APP);
  }

  @Test
  void jsonForScripts() throws IOException {
    EngineState before = EngineState.of(fx);
    CliRun run = iechor("system", "prune", "-a", "--volumes", "--dry-run", "--format", "json");

    List<String> kinds = new ArrayList<>();
    boolean dryRun = false;
    try (JsonParser p = new JsonFactory().createParser(run.out())) {
      while (p.nextToken() != null) {
        if (p.currentToken() == JsonToken.FIELD_NAME && p.currentName().equals("kind")) {
          kinds.add(p.nextTextValue());
        } else if (p.currentToken() == JsonToken.FIELD_NAME && p.currentName().equals("dryRun")) {
          dryRun = p.nextToken() == JsonToken.VALUE_TRUE;
        }
      }
    }
    assertThat(dryRun).isTrue();
    assertThat(kinds).contains("container", "network", "volume", "image");
    assertThat(EngineState.of(fx)).isEqualTo(before);
  }

  @Test
  void aDryRunThatCannotBeExactIsRefusedAndRemovesNothing() {
    EngineState before = EngineState.of(fx);
    CliRun run = CliRun.on(engine.unixEndpoint(), "", "builder", "prune", "--keep-storage", "1GB", "--dry-run");

    assertThat(run.status()).isEqualTo(1);
    assertThat(run.errLines()).singleElement().asString().startsWith("Error: ").contains("storage limit");
    assertThat(EngineState.of(fx)).isEqualTo(before);
  }
}
