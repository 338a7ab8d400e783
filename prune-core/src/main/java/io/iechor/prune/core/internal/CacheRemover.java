package io.iechor.prune.core.internal;

import com.fasterxml.jackson.core.JsonParser;
import io.iechor.prune.plan.PlannedRemoval;
import io.iechor.prune.plan.RemovalOutcome;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.regex.Pattern;

/**
 * Removes one planned build-cache record. The engine has no delete for a single record, so this is
 * a build prune with {@code all} and an {@code id} filter that matches only that ID: the filter is
 * a regular expression, so it is anchored and quoted ({@code ^\Qid\E$}). Checked against the
 * records as listed once when the first record comes up, after the images have gone.
 */
final class CacheRemover {
  /** Characters that would break BuildKit's filter syntax, or the quoting. */
  private static final Pattern UNSAFE = Pattern.compile("[\\s,\"|\\\\]");

  private final Exchange x;
  private Map<String, CacheEntry> records;

  CacheRemover(Exchange x) {
    this.x = x;
  }

  RemovalOutcome remove(PlannedRemoval r) {
    if (x.info().apiVersion().isBelow(Requests.BUILD_OPTIONS)) {
      return RemovalOutcome.skipped(r, "API " + x.info().apiVersion() + " has no build-cache filters (1.39+),"
          + " so one record cannot be removed alone");
    }
    if (UNSAFE.matcher(r.id()).find()) {
      return RemovalOutcome.skipped(r, "its ID cannot be matched exactly by the engine's id filter");
    }
    CacheEntry now = records().get(r.id());
    if (now == null) {
      return RemovalOutcome.skipped(r, "it no longer exists (removing an image that shared it also removes it)");
    }
    if (now.inUse()) {
      return RemovalOutcome.skipped(r, "a build uses it now");
    }
    if (!Objects.equals(now.lastUsed(), r.lastUsed().orElse(null))) {
      return RemovalOutcome.skipped(r, "it was used again since the plan (" + now.lastUsed() + ")");
    }
    Map<String, String> query = new LinkedHashMap<>();
    query.put("all", "1");
    query.put("filters", new FiltersJson().add("id", "^\\Q" + r.id() + "\\E$").toJson());
    Exchange.Answer<Pruned> a = x.send(Exchange.request("POST", x.versioned("/build/prune"), query),
        CacheRemover::pruned);
    if (!a.ok()) {
      return RemovalOutcome.failed(r, a.status(), a.message());
    }
    if (!a.value().ids.contains(r.id())) {
      return RemovalOutcome.skipped(r, "the engine kept it: a record that stays still builds on it");
    }
    return RemovalOutcome.removed(r, OptionalLong.of(a.value().space));
  }

  private Map<String, CacheEntry> records() {
    if (records == null) {
      boolean typed = x.info().apiVersion().isAtLeast(Requests.VOLUME_ALL);
      records = new LinkedHashMap<>();
      x.get("/system/df", typed ? Map.of("type", "build-cache") : Map.of(), UsageReader::diskUsage).cache()
          .forEach(c -> records.put(c.id(), c));
    }
    return records;
  }

  /** {@code {"CachesDeleted":[...],"SpaceReclaimed":n}}. */
  private static Pruned pruned(JsonParser p) throws IOException {
    Pruned out = new Pruned();
    Json.object(p, (name, v) -> {
      switch (name) {
        case "CachesDeleted" -> out.ids.addAll(Json.stringList(p));
        case "SpaceReclaimed" -> out.space = Math.max(0, Json.number(p, 0));
        default -> {
          return false;
        }
      }
      return true;
    });
    return out;
  }

  private static final class Pruned {
    final List<String> ids = new ArrayList<>();
    long space;
  }
}
