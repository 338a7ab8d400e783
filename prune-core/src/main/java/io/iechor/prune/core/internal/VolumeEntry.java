package io.iechor.prune.core.internal;

import java.time.Instant;
import java.util.Map;

/**
 * A volume as {@code GET /volumes} lists it.
 *
 * @param hasOptions whether it was created with driver options ({@code -o}); the engine never prunes those
 * @param createdAt to the second, {@code null} if the engine gives none
 */
record VolumeEntry(String name, String driver, Map<String, String> labels, boolean hasOptions, Instant createdAt) {
}
