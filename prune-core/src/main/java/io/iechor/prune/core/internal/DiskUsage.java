package io.iechor.prune.core.internal;

import java.util.List;
import java.util.Map;

/**
 * What {@code GET /system/df} says about sizes and build cache.
 *
 * @param imageSizes image ID to the bytes no other image shares ({@code Size - SharedSize});
 *     images whose share the engine did not compute are absent
 * @param volumeSizes volume name to its size; volumes the engine did not measure are absent
 * @param cache every build-cache record
 */
record DiskUsage(Map<String, Long> imageSizes, Map<String, Long> volumeSizes, List<CacheEntry> cache) {
}
