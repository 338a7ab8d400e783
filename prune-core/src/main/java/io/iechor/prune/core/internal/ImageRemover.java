package io.iechor.prune.core.internal;

import com.fasterxml.jackson.core.JsonParser;
import io.iechor.prune.plan.PlannedRemoval;
import io.iechor.prune.plan.RemovalOutcome;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Removes one planned image, never forced and without its parents ({@code noprune=1}: a parent the
 * engine would free is a planned removal of its own). Skipped when it has a tag the plan did not
 * see or a container uses it now. Podman ignores {@code noprune} and removes the freed parent with
 * its child; that parent, planned too, is then reported removed.
 */
final class ImageRemover {
  private static final Map<String, String> NO_PRUNE = Map.of("noprune", "1");

  private final Exchange x;
  /** IDs (without {@code sha256:}) the engine said it deleted, as parents of the images removed. */
  private final Set<String> deleted = new HashSet<>();

  ImageRemover(Exchange x) {
    this.x = x;
  }

  RemovalOutcome remove(PlannedRemoval r) {
    if (deleted.contains(bare(r.id()))) {
      return RemovalOutcome.removed(r, r.size());
    }
    Optional<ImageEntry> now = x.find("/images/" + r.id() + "/json", ListReader::image);
    if (now.isEmpty()) {
      return RemovalOutcome.skipped(r, "it no longer exists");
    }
    List<String> newTags = new ArrayList<>(now.get().tags());
    newTags.removeAll(r.names());
    if (!newTags.isEmpty()) {
      return RemovalOutcome.skipped(r, "it was tagged " + String.join(", ", newTags) + " since the plan");
    }
    List<String> users = x.get("/containers/json", Map.of("all", "1"), ListReader::containers).stream()
        .filter(c -> c.imageId().equals(r.id())).map(c -> c.names().isEmpty() ? c.id() : c.names().get(0)).toList();
    if (!users.isEmpty()) {
      return RemovalOutcome.skipped(r, "it is used now by container(s) " + users);
    }
    // Both engines refuse to delete by ID an image with several tags unless forced: untag all but one.
    List<String> tags = now.get().tags();
    for (String tag : tags.subList(0, Math.max(0, tags.size() - 1))) {
      RemovalOutcome refused = untag(r, tag);
      if (refused != null) {
        return refused;
      }
    }
    Exchange.Answer<List<String>> a = x.send(Exchange.request("DELETE", x.versioned("/images/" + r.id()), NO_PRUNE),
        ImageRemover::deletedIds);
    if (a.ok()) {
      a.value().forEach(id -> deleted.add(bare(id)));
    }
    return Applier.outcome(r, a);
  }

  /** The {@code Deleted} IDs of a delete answer: {@code [{"Untagged":...},{"Deleted":...}]}. */
  private static List<String> deletedIds(JsonParser p) throws IOException {
    List<String> ids = new ArrayList<>();
    Json.array(p, q -> {
      Json.object(q, (name, v) -> {
        if (name.equals("Deleted")) {
          ids.add(Json.text(q));
          return true;
        }
        return false;
      });
      return null;
    });
    return ids;
  }

  private static String bare(String id) {
    return id.startsWith("sha256:") ? id.substring(7) : id;
  }

  /** Removes {@code tag} if it still names this image; returns the failure, or null. */
  private RemovalOutcome untag(PlannedRemoval r, String tag) {
    boolean same = x.find("/images/" + tag + "/json", ListReader::image).map(i -> i.id().equals(r.id()))
        .orElse(false);
    if (!same) {
      return null; // moved or removed meanwhile: no longer this image's tag
    }
    Exchange.Answer<Object> a = x.send(Exchange.request("DELETE", x.versioned("/images/" + tag), NO_PRUNE), null);
    if (a.ok() || a.status() == 404) {
      return null;
    }
    return RemovalOutcome.failed(r, a.status(), "untagging " + tag + ": " + a.message());
  }
}
