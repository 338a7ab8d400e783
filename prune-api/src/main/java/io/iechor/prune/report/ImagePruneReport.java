package io.iechor.prune.report;

import io.iechor.prune.EngineInfo;
import io.iechor.prune.ObjectKind;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * The result of an image prune.
 *
 * @param deletions every entry in the engine's order (untagged references and deleted IDs
 *     interleaved, as the engine reported them)
 * @param spaceReclaimed bytes freed
 * @param engine the engine that did the work
 */
public record ImagePruneReport(List<ImageDeletion> deletions, long spaceReclaimed, EngineInfo engine)
    implements PruneReport {

  public ImagePruneReport {
    deletions = Lists.copy(deletions, "deletions");
    Lists.nonNegative(spaceReclaimed, "spaceReclaimed");
    Objects.requireNonNull(engine, "engine");
  }

  /** References that were removed ({@code repo:tag}, {@code repo@sha256:...}). */
  public List<String> untagged() {
    return select(ImageDeletion.Action.UNTAGGED);
  }

  /** Image and layer IDs removed from disk. */
  public List<String> deleted() {
    return select(ImageDeletion.Action.DELETED);
  }

  private List<String> select(ImageDeletion.Action action) {
    return deletions.stream().filter(d -> d.action() == action).map(ImageDeletion::reference).toList();
  }

  @Override
  public ObjectKind kind() {
    return ObjectKind.IMAGES;
  }

  @Override
  public List<String> removed() {
    return deletions.stream().map(ImageDeletion::reference).toList();
  }

  @Override
  public OptionalLong reclaimedBytes() {
    return OptionalLong.of(spaceReclaimed);
  }
}
