package io.iechor.prune.core.internal;

import java.time.OffsetDateTime;

/**
 * What {@code GET /info} says that the prune rules depend on.
 *
 * @param now the engine's clock, in its own time zone (which reads {@code until} times without a zone)
 * @param containerdStore whether images live in the containerd image store, whose prune rules
 *     differ from the graph-driver store's
 */
record EngineFacts(OffsetDateTime now, boolean containerdStore) {
}
