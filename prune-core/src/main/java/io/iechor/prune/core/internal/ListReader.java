package io.iechor.prune.core.internal;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the list and inspect answers the planner needs, as Docker 20.10/26.1 and Podman 4.3 send
 * them (recorded in {@code src/test/resources/lists}). Fields not needed are skipped; Docker's
 * {@code <none>:<none>} placeholders are dropped.
 */
final class ListReader {

  private ListReader() {
  }

  // ------------------------------------------------------------------ containers

  static List<ContainerEntry> containers(JsonParser p) throws IOException {
    return Json.array(p, ListReader::container);
  }

  /** One element of {@code /containers/json}. */
  static ContainerEntry container(JsonParser p) throws IOException {
    Container c = new Container();
    Json.object(p, (name, v) -> {
      switch (name) {
        case "Id" -> c.id = Json.text(p);
        case "Names" -> c.names = stripSlash(Json.stringList(p));
        case "ImageID" -> c.imageId = Json.text(p);
        case "State" -> c.state = Json.text(p);
        case "Created" -> c.created = Json.time(p);
        case "Labels" -> c.labels = Json.stringMap(p);
        case "SizeRw" -> c.sizeRw = Json.number(p, -1);
        case "NetworkSettings" -> Json.object(p, (n, w) -> {
          if (n.equals("Networks")) {
            c.networks = Json.keys(p);
            return true;
          }
          return false;
        });
        case "Mounts" -> c.volumes = volumeMounts(p);
        default -> {
          return false;
        }
      }
      return true;
    });
    return c.build(p);
  }

  /** {@code GET /containers/{id}/json}: state and exact creation time. */
  static ContainerEntry containerInspect(JsonParser p) throws IOException {
    Container c = new Container();
    Json.object(p, (name, v) -> {
      switch (name) {
        case "Id" -> c.id = Json.text(p);
        case "Name" -> c.names = stripSlash(List.of(String.valueOf(Json.text(p))));
        case "Image" -> c.imageId = Json.text(p);
        case "Created" -> c.created = Json.time(p);
        case "State" -> Json.object(p, (n, w) -> {
          switch (n) {
            case "Status" -> c.state = c.state == null ? Json.text(p) : c.state;
            // Paused and restarting containers also say Running=true; the engine counts them as running.
            case "Running", "Paused", "Restarting" -> {
              if (Json.bool(p)) {
                c.state = n.toLowerCase(java.util.Locale.ROOT);
              }
            }
            default -> {
              return false;
            }
          }
          return true;
        });
        case "Config" -> Json.object(p, (n, w) -> {
          if (n.equals("Labels")) {
            c.labels = Json.stringMap(p);
            return true;
          }
          return false;
        });
        case "Mounts" -> c.volumes = volumeMounts(p);
        default -> {
          return false;
        }
      }
      return true;
    });
    return c.build(p);
  }

  /** Podman's {@code /libpod/containers/json}: container ID to pod ID for containers in a pod. */
  static Map<String, String> libpodPods(JsonParser p) throws IOException {
    Map<String, String> pods = new HashMap<>();
    Json.array(p, q -> {
      String[] idPod = new String[2];
      Json.object(q, (name, v) -> {
        if (name.equals("Id") || name.equals("Pod")) {
          idPod[name.equals("Id") ? 0 : 1] = Json.text(q);
          return true;
        }
        return false;
      });
      if (idPod[0] != null && idPod[1] != null && !idPod[1].isEmpty()) {
        pods.put(idPod[0], idPod[1]);
      }
      return idPod[0];
    });
    return pods;
  }

  private static Set<String> volumeMounts(JsonParser p) throws IOException {
    Set<String> names = new LinkedHashSet<>();
    Json.array(p, q -> {
      String[] typeName = new String[2];
      Json.object(q, (name, v) -> {
        if (name.equals("Type") || name.equals("Name")) {
          typeName[name.equals("Type") ? 0 : 1] = Json.text(q);
          return true;
        }
        return false;
      });
      if ("volume".equals(typeName[0]) && typeName[1] != null && !typeName[1].isEmpty()) {
        names.add(typeName[1]);
      }
      return typeName[1];
    });
    return Set.copyOf(names);
  }

  // ------------------------------------------------------------------ images

  static List<ImageEntry> images(JsonParser p) throws IOException {
    return Json.array(p, ListReader::image);
  }

  /** One element of {@code /images/json}, or the answer of {@code /images/{id}/json}. */
  static ImageEntry image(JsonParser p) throws IOException {
    Image i = new Image();
    Json.object(p, (name, v) -> {
      switch (name) {
        case "Id" -> i.id = Json.text(p);
        case "ParentId", "Parent" -> i.parentId = Json.text(p);
        case "RepoTags" -> i.tags = real(Json.stringList(p));
        case "RepoDigests" -> i.digests = real(Json.stringList(p));
        case "Created" -> i.created = Json.time(p);
        case "Labels" -> i.labels = Json.stringMap(p);
        case "Config" -> Json.object(p, (n, w) -> {
          if (n.equals("Labels")) {
            i.labels = Json.stringMap(p);
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
    if (i.id == null) {
      throw new JsonParseException(p, "an image without Id");
    }
    String parent = i.parentId == null ? "" : i.parentId;
    if (!parent.isEmpty() && i.id.startsWith("sha256:") && !parent.startsWith("sha256:")) {
      parent = "sha256:" + parent; // Podman lists parents as bare IDs
    }
    return new ImageEntry(i.id, parent, i.tags, i.digests, i.created, i.labels);
  }

  // ------------------------------------------------------------------ volumes

  /** {@code GET /volumes}: {@code {"Volumes":[...],"Warnings":...}}. */
  static List<VolumeEntry> volumes(JsonParser p) throws IOException {
    List<VolumeEntry> out = new ArrayList<>();
    Json.object(p, (name, v) -> {
      if (name.equals("Volumes")) {
        out.addAll(Json.array(p, ListReader::volume));
        return true;
      }
      return false;
    });
    return out;
  }

  /** One volume, as listed or as {@code GET /volumes/{name}} shows it. */
  static VolumeEntry volume(JsonParser p) throws IOException {
    Volume vol = new Volume();
    Json.object(p, (name, v) -> {
      switch (name) {
        case "Name" -> vol.name = Json.text(p);
        case "Driver" -> vol.driver = Json.text(p);
        case "Labels" -> vol.labels = Json.stringMap(p);
        case "Options" -> vol.hasOptions = !Json.stringMap(p).isEmpty();
        case "CreatedAt" -> vol.createdAt = Json.time(p);
        default -> {
          return false;
        }
      }
      return true;
    });
    if (vol.name == null) {
      throw new JsonParseException(p, "a volume without Name");
    }
    return new VolumeEntry(vol.name, vol.driver == null ? "" : vol.driver, vol.labels, vol.hasOptions,
        vol.createdAt);
  }

  // ------------------------------------------------------------------ networks

  static List<NetworkEntry> networks(JsonParser p) throws IOException {
    return Json.array(p, ListReader::network);
  }

  /** One network, as listed or as {@code GET /networks/{id}} shows it. */
  static NetworkEntry network(JsonParser p) throws IOException {
    Network n = new Network();
    Json.object(p, (name, v) -> {
      switch (name) {
        case "Id" -> n.id = Json.text(p);
        case "Name" -> n.name = Json.text(p);
        case "Scope" -> n.scope = Json.text(p);
        case "Created" -> n.created = Json.time(p);
        case "Labels" -> n.labels = Json.stringMap(p);
        case "ConfigOnly" -> n.configOnly = Json.bool(p);
        case "Ingress" -> n.ingress = Json.bool(p);
        case "Containers" -> n.containers = Json.keys(p);
        default -> {
          return false;
        }
      }
      return true;
    });
    if (n.id == null || n.name == null) {
      throw new JsonParseException(p, "a network without Id or Name");
    }
    return new NetworkEntry(n.id, n.name, n.scope == null ? "local" : n.scope, n.created, n.labels, n.configOnly,
        n.ingress, n.containers);
  }

  // ------------------------------------------------------------------ disk usage, info

  /** {@code GET /system/df}: image and volume sizes, build-cache records. */
  static DiskUsage diskUsage(JsonParser p) throws IOException {
    Map<String, Long> images = new HashMap<>();
    Map<String, Long> volumes = new HashMap<>();
    List<CacheEntry> cache = new ArrayList<>();
    Json.object(p, (name, v) -> {
      switch (name) {
        case "Images" -> Json.array(p, q -> imageSize(q, images));
        case "Volumes" -> Json.array(p, q -> volumeSize(q, volumes));
        case "BuildCache" -> cache.addAll(Json.array(p, ListReader::cacheRecord));
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

  // ------------------------------------------------------------------ helpers

  private static List<String> stripSlash(List<String> names) {
    return names.stream().map(n -> n.startsWith("/") ? n.substring(1) : n).toList();
  }

  /** Drops Docker's {@code <none>:<none>} and {@code <none>@<none>} and Podman's bare {@code <none>}. */
  private static List<String> real(List<String> refs) {
    return refs.stream().filter(r -> !r.startsWith("<none>")).toList();
  }

  private static final class Container {
    String id;
    List<String> names = List.of();
    String imageId = "";
    String state = null;
    Instant created;
    Map<String, String> labels = Map.of();
    Set<String> networks = Set.of();
    Set<String> volumes = Set.of();
    long sizeRw = -1;

    ContainerEntry build(JsonParser p) throws JsonParseException {
      if (id == null) {
        throw new JsonParseException(p, "a container without Id");
      }
      return new ContainerEntry(id, names, imageId == null ? "" : imageId, state == null ? "" : state, created,
          labels, networks, volumes, sizeRw, "");
    }
  }

  private static final class Image {
    String id;
    String parentId;
    List<String> tags = List.of();
    List<String> digests = List.of();
    Instant created;
    Map<String, String> labels = Map.of();
  }

  private static final class Volume {
    String name;
    String driver;
    Map<String, String> labels = Map.of();
    boolean hasOptions;
    Instant createdAt;
  }

  private static final class Network {
    String id;
    String name;
    String scope;
    Instant created;
    Map<String, String> labels = Map.of();
    boolean configOnly;
    boolean ingress;
    Set<String> containers = Set.of();
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
  }
}
