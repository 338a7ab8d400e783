package io.iechor.prune.core.internal;

import io.iechor.prune.ApiVersion;
import io.iechor.prune.EngineInfo;
import io.iechor.prune.Label;
import io.iechor.prune.PruneFilters;
import io.iechor.prune.UnsupportedFeatureException;
import io.iechor.prune.Until;
import io.iechor.prune.spi.EngineRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Builds each prune request for the negotiated API version, refusing before anything is sent
 * what that version cannot do.
 */
final class Requests {
  static final ApiVersion UNTIL = ApiVersion.of(1, 28);
  static final ApiVersion LABELS = ApiVersion.of(1, 29);
  static final ApiVersion BUILD_PRUNE = ApiVersion.of(1, 31);
  static final ApiVersion BUILD_OPTIONS = ApiVersion.of(1, 39);
  /** Build-cache {@code until}; Engine 18.09 (API 1.39) knows it only as {@code unused-for}. */
  static final ApiVersion BUILD_UNTIL = ApiVersion.of(1, 40);
  static final ApiVersion VOLUME_ALL = ApiVersion.of(1, 42);
  static final ApiVersion BUILD_UNTIL_TIMESTAMP = ApiVersion.of(1, 43);
  static final ApiVersion RESERVED_SPACE = ApiVersion.of(1, 48);

  /** Podman's own image prune; its API accepts any version in the path. */
  static final String LIBPOD_IMAGES_PRUNE = "/v4.0.0/libpod/images/prune";

  private Requests() {
  }

  static EngineRequest containers(EngineInfo e, PruneFilters f) {
    return post(e, "/containers/prune", filters(e, f, true), Map.of());
  }

  static EngineRequest images(EngineInfo e, PruneFilters f, boolean all) {
    if (e.podman()) {
      checkPodmanImageLabels(e, f, all);
    }
    FiltersJson json = filters(e, f, true);
    if (e.podman() && all) {
      // Podman's compatible endpoint refuses dangling=false (before 4.8); its own endpoint has "all".
      Map<String, String> q = new LinkedHashMap<>();
      q.put("all", "true");
      if (!json.isEmpty()) {
        q.put("filters", json.toJson());
      }
      return new EngineRequest("POST", LIBPOD_IMAGES_PRUNE, q);
    }
    if (!e.podman()) {
      // As the CLI does: always say which images are in scope rather than rely on the default.
      json.add("dangling", all ? "false" : "true");
    }
    return post(e, "/images/prune", json, Map.of());
  }

  static EngineRequest volumes(EngineInfo e, PruneFilters f, boolean all) {
    if (e.podman() && !f.excludedLabels().isEmpty() && podmanMajor(e) < 5) {
      throw new UnsupportedFeatureException("label! on volumes", null, e.apiVersion(), "Podman " + e.server()
          + " does not filter volumes by label! (it refuses the filter); select the volumes with label=... instead");
    }
    if (e.podman() && f.labels().size() > 1) {
      // Podman ORs the label values of a volume prune (podman#26786): a second label widens it.
      throw podmanLabels(e, "volume prune", "more than one label filter", "it removes volumes that match any of them");
    }
    FiltersJson json = filters(e, f, false);
    // Below 1.42 the engine already prunes named volumes; sending "all" there is refused.
    // Podman prunes named volumes whatever the version and refuses "all" up to 5.8.
    if (all && !e.podman() && e.apiVersion().isAtLeast(VOLUME_ALL)) {
      json.add("all", "true");
    }
    return post(e, "/volumes/prune", json, Map.of());
  }

  static EngineRequest networks(EngineInfo e, PruneFilters f) {
    return post(e, "/networks/prune", filters(e, f, true), Map.of());
  }

  static EngineRequest buildCache(EngineInfo e, PruneFilters f, boolean all, OptionalLong keepStorage) {
    ApiVersion v = e.apiVersion();
    if (e.podman()) {
      throw new UnsupportedFeatureException("build cache prune", null, v,
          "Podman's Docker-compatible API has no build-cache prune");
    }
    require(e, BUILD_PRUNE, "build cache prune");
    Map<String, String> query = new LinkedHashMap<>();
    FiltersJson json = new FiltersJson();
    if (all) {
      require(e, BUILD_OPTIONS, "build cache prune with all()");
      query.put("all", "1");
    }
    if (keepStorage.isPresent()) {
      require(e, BUILD_OPTIONS, "build cache prune with keepStorage()");
      query.put(v.isAtLeast(RESERVED_SPACE) ? "reserved-space" : "keep-storage",
          Long.toString(keepStorage.getAsLong()));
    }
    if (f.until().isPresent()) {
      require(e, BUILD_OPTIONS, "the until filter on build cache");
      json.add(v.isAtLeast(BUILD_UNTIL) ? "until" : "unused-for", buildUntil(e, f.until().get()));
    }
    if (!f.labels().isEmpty() || !f.excludedLabels().isEmpty()) {
      throw new IllegalArgumentException("Build cache has no labels; label filters cannot apply to it");
    }
    return post(e, "/build/prune", json, query);
  }

  /** Before 1.43 the engine takes only durations for build cache; times are turned into ages here. */
  private static String buildUntil(EngineInfo e, Until until) {
    if (until.isRelative() || e.apiVersion().isAtLeast(BUILD_UNTIL_TIMESTAMP)) {
      return until.value();
    }
    Instant at = until.instant().orElseThrow(() -> new UnsupportedFeatureException("build cache until",
        BUILD_UNTIL_TIMESTAMP, e.apiVersion(), "This engine (API " + e.apiVersion() + ") accepts only durations"
            + " for build-cache until, and until=" + until.value() + " has no time zone to convert from;"
            + " give a duration (until=24h) or a time with a zone (2026-01-31T00:00:00Z)"));
    Duration age = Duration.between(at, Instant.now());
    return Until.ago(age.isNegative() ? Duration.ZERO : age).value();
  }

  private static FiltersJson filters(EngineInfo e, PruneFilters f, boolean untilAllowed) {
    FiltersJson json = new FiltersJson();
    if (f.until().isPresent()) {
      if (!untilAllowed) {
        throw new IllegalArgumentException("until is not supported here");
      }
      require(e, UNTIL, "the until filter");
      json.add("until", f.until().get().value());
    }
    if (!f.labels().isEmpty() || !f.excludedLabels().isEmpty()) {
      require(e, LABELS, "label filters");
    }
    for (Label l : f.labels()) {
      json.add("label", l.toString());
    }
    for (Label l : f.excludedLabels()) {
      json.add("label!", l.toString());
    }
    return json;
  }

  /**
   * Podman does not combine image label filters as Docker does, and would remove images the
   * filters should keep: its compatible endpoint (before 5.0) ORs every label and label! value
   * (podman#17428), and its own endpoint, used for all(), keeps one value of each filter and did
   * not honour label! next to label on Podman 4.3.
   */
  private static void checkPodmanImageLabels(EngineInfo e, PruneFilters f, boolean all) {
    int labels = f.labels().size();
    int excluded = f.excludedLabels().size();
    if (all && labels + excluded > 1) {
      // Its own endpoint keeps one value per filter, and the property test saw label plus label!
      // remove an image the label! should have kept.
      throw podmanLabels(e, "image prune --all", "more than one label/label! filter",
          "it does not apply them all");
    }
    if (!all && labels + excluded > 1 && podmanMajor(e) < 5) {
      throw podmanLabels(e, "image prune", "more than one label/label! filter",
          "it removes images that match any of them");
    }
  }

  private static UnsupportedFeatureException podmanLabels(EngineInfo e, String prune, String what, String why) {
    return new UnsupportedFeatureException(prune + " with " + what, null, e.apiVersion(), "Podman " + e.server()
        + " does not combine " + what + " on " + prune + " as Docker does (" + why + "), so it could remove"
        + " what the filters keep; nothing was sent. Use one label filter, or prune on a Docker engine");
  }

  /** Podman's major version from its {@code Server: Libpod/4.3.1 (linux)} header; 0 when unknown. */
  static int podmanMajor(EngineInfo e) {
    String s = e.server();
    int slash = s.indexOf('/');
    int dot = s.indexOf('.', slash + 1);
    if (!s.startsWith("Libpod/") || dot < 0) {
      return 0;
    }
    try {
      return Integer.parseInt(s.substring(slash + 1, dot));
    } catch (NumberFormatException ex) {
      return 0;
    }
  }

  private static void require(EngineInfo e, ApiVersion needed, String what) {
    if (e.apiVersion().isBelow(needed)) {
      throw new UnsupportedFeatureException(what, needed, e.apiVersion(), "The engine at " + e.endpoint()
          + " speaks API " + e.apiVersion() + ", and " + what + " needs API " + needed + " or newer");
    }
  }

  private static EngineRequest post(EngineInfo e, String path, FiltersJson json, Map<String, String> query) {
    Map<String, String> q = new LinkedHashMap<>(query);
    if (!json.isEmpty()) {
      q.put("filters", json.toJson());
    }
    return new EngineRequest("POST", "/v" + e.apiVersion() + path, q);
  }
}
