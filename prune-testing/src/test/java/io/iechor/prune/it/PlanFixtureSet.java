package io.iechor.prune.it;

import io.iechor.prune.testing.ContainerFixture;
import io.iechor.prune.testing.DockerCli;
import io.iechor.prune.testing.Fixtures;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One of the two identical fixture sets of a differential test. Every object carries the set's
 * label and a role label ({@value #ROLE}), so the objects of set A and set B can be paired by role
 * even where they have no name (dangling images, anonymous volumes) and different IDs.
 */
final class PlanFixtureSet {
  static final String SET = "iechor-plan-set";
  static final String ROLE = "iechor-plan-role";

  private final Fixtures fx;
  private final DockerCli cli;
  private final String id;

  PlanFixtureSet(Fixtures fx, DockerCli cli, String id) {
    this.fx = fx;
    this.cli = cli;
    this.id = id;
  }

  /** The label key of the set. */
  String key() {
    return SET;
  }

  /** The label value of the set. */
  String value() {
    return id;
  }

  /** {@code key=value} of the set, for CLI filters. */
  String label() {
    return SET + "=" + id;
  }

  /** A tag unique to this set for {@code role}. */
  String tag(String role) {
    return "iechor-plan/" + id + "-" + role + ":1";
  }

  /** An unused image tagged for {@code role}; returns the tag. */
  String image(String role, String... labels) {
    String tag = tag(role);
    fx.image(tag, labels(role, labels));
    return tag;
  }

  /** An image under {@code tag} with the labels of {@code role}; returns its ID. */
  String imageAs(String tag, String role) {
    return fx.image(tag, labels(role));
  }

  /** An image whose config says it was built at {@code created}; returns its tag. */
  String oldImage(String role, Instant created) {
    String tag = tag(role);
    fx.oldImage(tag, created, labels(role));
    return tag;
  }

  /**
   * A dangling image of {@code role}: imported under a tag that is then moved to a second image,
   * of role {@code role + "-current"}.
   */
  void dangling(String role) {
    String tag = tag(role);
    imageAs(tag, role);
    imageAs(tag, role + "-current");
  }

  /**
   * Builds {@code tag} from {@code from} with the classic builder, which leaves an untagged
   * intermediate image (role {@code role + "-layer"}) as the parent of the tagged one ({@code role}).
   */
  String built(String role, String from) {
    String tag = tag(role);
    try {
      Path context = Files.createTempDirectory("iechor-plan-build-");
      try {
        Files.writeString(context.resolve("Dockerfile"), "FROM " + from + "\n"
            + "LABEL " + SET + "=" + id + " " + ROLE + "=" + role + "-layer\n"
            + "LABEL " + ROLE + "=" + role + "\n");
        cli.withEnvironment("DOCKER_BUILDKIT", "0").run("build", "--quiet", "--tag", tag, context.toString());
      } finally {
        Files.deleteIfExists(context.resolve("Dockerfile"));
        Files.deleteIfExists(context);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return tag;
  }

  ContainerFixture container(String role, String... labels) {
    return fx.container(fx.name("plan-" + role)).withLabels(labels(role, labels));
  }

  String volume(String role, String... labels) {
    return fx.volume(fx.name("plan-" + role), labels(role, labels));
  }

  String anonymousVolume(String role, String... labels) {
    return fx.anonymousVolume(labels(role, labels));
  }

  String network(String role, String... labels) {
    String name = fx.name("plan-" + role);
    fx.network(name, labels(role, labels));
    return name;
  }

  private String[] labels(String role, String... more) {
    List<String> all = new ArrayList<>(List.of(label(), ROLE + "=" + role));
    all.addAll(List.of(more));
    return all.toArray(String[]::new);
  }
}
