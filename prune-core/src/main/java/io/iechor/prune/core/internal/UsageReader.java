package io.iechor.prune.core.internal;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads {@code GET /system/df} (sizes, build-cache records) and {@code GET /info} (the engine's
 * clock and image store), as Docker 20.10/26.1 and Podman 4.3 send them.
 */
final class UsageReader {

  private UsageReader() {
  }

  /** {@code GET /system/df}: image and volume sizes, build-cache records. */
  static DiskUsage diskUsage(JsonParser p) throws IOException {
    Map<String, Long> images = new HashMap<>();
    Map<String, Long> volumes = new HashMap<>();
    List<CacheEntry> cache = new ArrayList<>();
    Json.object(p, (name, v) -> {
      switch (name) {
        case "Images" -> Json.array(p, q -> imageSize(q, images));
        case "Volumes" -> Json.array(p, q -> volumeSize(q, volumes));
        case "BuildCache" -> cache.addAll(Json.array(p, UsageReader::cacheRecord));
        default -> {
          return false;
        }
      }
      return true;
    });
    return new DiskUsage(Map.copyOf(images), Map.copyOf(volumes), List.copyOf(cache));
  }

  private static String imageSize(JsonParser p, Map<String, Long> out) throws IOException {
    String[] id = new String[1];
    long[] sizes = {-1, -1};
    Json.object(p, (name, v) -> {
      switch (name) {
        case "Id" -> id[0] = Json.text(p);
        case "Size" -> sizes[0] = Json.number(p, -1);
        case "SharedSize" -> sizes[1] = Json.number(p, -1);
        default -> {
          return false;
        }
      }
      return true;
    });
    if (id[0] != null && sizes[0] >= 0 && sizes[1] >= 0) {
      // Podman's df gives bare IDs; the image list gives sha256:-prefixed ones.
      out.put(id[0].startsWith("sha256:") ? id[0] : "sha256:" + id[0], Math.max(0, sizes[0] - sizes[1]));
    }
    return id[0];
  }

  private static String volumeSize(JsonParser p, Map<String, Long> out) throws IOException {
    String[] name = new String[1];
    long[] size = {-1};
    Json.object(p, (field, v) -> {
      switch (field) {
        case "Name" -> name[0] = Json.text(p);
        case "UsageData" -> Json.object(p, (n, w) -> {
          if (n.equals("Size")) {
            size[0] = Json.number(p, -1);
            return true;
          }
          return false;
        });
        default -> {
          return false;
        }
      }
      return true;
    });
    if (name[0] != null && size[0] >= 0) {
      out.put(name[0], size[0]);
    }
    return name[0];
  }

  static CacheEntry cacheRecord(JsonParser p) throws IOException {
    Cache c = new Cache();
    Json.object(p, (name, v) -> {
      switch (name) {
        case "ID" -> c.id = Json.text(p);
        // API 1.42+ says "Parents"; Docker 26.1 spells the key with a leading space.
        case "Parent" -> addParent(c, Json.text(p));
        case "Parents", " Parents" -> Json.stringList(p).forEach(s -> addParent(c, s));
        case "Type" -> c.type = Json.text(p);
        case "Description" -> c.description = Json.text(p);
        case "InUse" -> c.inUse = Json.bool(p);
        case "Shared" -> c.shared = Json.bool(p);
        case "Size" -> c.size = Json.number(p, -1);
        case "CreatedAt" -> c.created = Json.time(p);
        case "LastUsedAt" -> c.lastUsed = Json.time(p);
        default -> {
          return false;
        }
      }
      return true;
    });
    if (c.id == null) {
      throw new JsonParseException(p, "a build-cache record without ID");
    }
    return new CacheEntry(c.id, List.copyOf(c.parents), c.type == null ? "" : c.type,
        c.description == null ? "" : c.description, c.inUse, c.shared, c.size, c.created, c.lastUsed);
  }

  private static void addParent(Cache c, String parent) {
    if (parent != null && !parent.isEmpty()) {
      c.parents.add(parent);
    }
  }

  /** {@code GET /info}: the engine's clock with its zone, and which image store it uses. */
  static EngineFacts info(JsonParser p) throws IOException {
    OffsetDateTime[] now = new OffsetDateTime[1];
    boolean[] containerd = new boolean[1];
    Json.object(p, (name, v) -> {
      switch (name) {
        case "SystemTime" -> {
          String s = Json.text(p);
          try {
            now[0] = s == null ? null : OffsetDateTime.parse(s);
          } catch (DateTimeParseException e) {
            throw new JsonParseException(p, "SystemTime is not an RFC 3339 time: '" + s + "'");
          }
        }
        case "DriverStatus" -> Json.array(p, q -> {
          List<String> pair = Json.stringList(q);
          if (pair.size() == 2 && pair.get(0).equals("driver-type")
              && pair.get(1).equals("io.containerd.snapshotter.v1")) {
            containerd[0] = true;
          }
          return pair;
        });
        default -> {
          return false;
        }
      }
      return true;
    });
    if (now[0] == null) {
      throw new JsonParseException(p, "the answer has no SystemTime, so the engine's clock is unknown");
    }
    return new EngineFacts(now[0], containerd[0]);
  }

  private static final class Cache {
    String id;
    final List<String> parents = new ArrayList<>();
    String type;
    String description;
    boolean inUse;
    boolean shared;
    long size = -1;
    Instant created;
    Instant lastUsed;
  }}
