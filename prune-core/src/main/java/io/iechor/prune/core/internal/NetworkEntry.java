package io.iechor.prune.core.internal;

import java.time.Instant;
import java.util.Map;
import java.util.Set;

/**
 * A network as {@code GET /networks} lists it or {@code GET /networks/{id}} shows it.
 *
 * @param containers IDs of attached containers: on Docker only those with an endpoint (running),
 *     and only in the inspect answer; on Podman every container configured for it
 */
record NetworkEntry(String id, String name, String scope, Instant created, Map<String, String> labels,
    boolean configOnly, boolean ingress, Set<String> containers) {
}
