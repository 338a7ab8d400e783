package io.iechor.prune.report;

import java.util.Objects;

/**
 * One entry of an image prune: a reference that was untagged, or an image or layer that was deleted.
 *
 * @param action what happened
 * @param reference a reference such as {@code app:1.2} when untagged; an ID such as
 *     {@code sha256:...} when deleted (Docker lists removed layers too; Podman gives bare IDs)
 */
public record ImageDeletion(Action action, String reference) {

  /** What happened to {@link #reference()}. */
  public enum Action {
    /** A tag or digest reference was removed; the image may remain under another one. */
    UNTAGGED,
    /** An image or layer was removed from disk. */
    DELETED
  }

  public ImageDeletion {
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(reference, "reference");
  }

  public static ImageDeletion untagged(String reference) {
    return new ImageDeletion(Action.UNTAGGED, reference);
  }

  public static ImageDeletion deleted(String id) {
    return new ImageDeletion(Action.DELETED, id);
  }
}
