/**
 * Dry runs: a {@link io.iechor.prune.plan.PrunePlan} names every object a prune would remove now,
 * with sizes, and {@link io.iechor.prune.plan.PrunePlan#apply()} removes exactly those objects.
 *
 * <pre>{@code
 * PrunePlan plan = Pruner.images().all().until(Duration.ofHours(24)).plan();
 * plan.removals().forEach(r -> System.out.println(r.kind().noun() + " " + r.names() + " " + r.size()));
 * if (plan.totalSize() > 1_000_000_000L) {
 *   ApplyResult result = plan.apply();
 *   result.skipped().forEach(o -> log.info("kept {}: {}", o.removal().id(), o.reason().orElse("")));
 * }
 * }</pre>
 */
package io.iechor.prune.plan;
