package io.iechor.prune.core.internal;

import java.time.Instant;
import java.util.List;

/**
 * A build-cache record as {@code GET /system/df} lists it.
 *
 * @param parents the records it builds on ({@code Parent} up to API 1.41, {@code Parents} later)
 * @param shared whether an image shares it; a prune without {@code all} keeps those
 * @param lastUsed {@code null} if never used
 */
record CacheEntry(String id, List<String> parents, String type, String description, boolean inUse, boolean shared,
    long size, Instant created, Instant lastUsed) {
}
