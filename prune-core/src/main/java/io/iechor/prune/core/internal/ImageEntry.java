package io.iechor.prune.core.internal;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * An image as {@code GET /images/json?all=1} lists it.
 *
 * @param tags {@code repo:tag} references, without Docker's {@code <none>:<none>} placeholder
 * @param digests {@code repo@sha256:...} references, without {@code <none>@<none>}
 * @param created the build time from the image config (seconds in lists), {@code null} if none
 * @param parentId the parent image (classic builds), empty if none
 */
record ImageEntry(String id, String parentId, List<String> tags, List<String> digests, Instant created,
    Map<String, String> labels) {

  /** Dangling for prune: no tag. Digest-only images count as dangling on Docker. */
  boolean untagged() {
    return tags.isEmpty();
  }

  ImageEntry withCreated(Instant exact) {
    return new ImageEntry(id, parentId, tags, digests, exact, labels);
  }
}
