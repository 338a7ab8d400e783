package io.iechor.prune.plan;

import io.iechor.prune.ObjectKind;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One object a prune would remove, as the engine listed it when the plan was made.
 *
 * <pre>{@code
 * PlannedRemoval r = plan.removals().get(0);
 * String what = r.kind().noun() + " " + (r.names().isEmpty() ? r.id() : String.join(", ", r.names()));
 * String size = r.size().isPresent() ? ByteSize.format(r.size().getAsLong()) : "size unknown";
 * }</pre>
 *
 * @param kind what it is
 * @param id what identifies it on the engine: a container, image ({@code sha256:...}), network or
 *     build-cache record ID; for a volume, which has no ID, its name
 * @param names container names, image tags ({@code repo:tag}), the volume or network name, or a
 *     build-cache record's description; empty for a dangling image
 * @param size bytes it holds as the engine counts them, empty where the engine does not say
 *     (networks have no size). For an image, the bytes no other image shares: layers shared with
 *     another image that also goes are not counted, so an image prune can free more
 * @param created when the engine created it (for a volume, to the second); empty when unknown.
 *     {@link PrunePlan#apply()} compares it to tell a volume recreated under the same name
 * @param lastUsed when a build-cache record was last used; empty for other kinds and for records
 *     never used
 */
public record PlannedRemoval(ObjectKind kind, String id, List<String> names, OptionalLong size,
    Optional<Instant> created, Optional<Instant> lastUsed) {

  public PlannedRemoval {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(id, "id");
    if (id.isEmpty()) {
      throw new IllegalArgumentException("id must not be empty");
    }
    names = List.copyOf(Objects.requireNonNull(names, "names"));
    Objects.requireNonNull(size, "size");
    if (size.isPresent() && size.getAsLong() < 0) {
      throw new IllegalArgumentException("size must not be negative: " + size.getAsLong());
    }
    Objects.requireNonNull(created, "created");
    Objects.requireNonNull(lastUsed, "lastUsed");
  }

  /** The first name, or the ID when the object has none (a dangling image): what to show a person. */
  public String displayName() {
    return names.isEmpty() ? id : names.get(0);
  }
}
