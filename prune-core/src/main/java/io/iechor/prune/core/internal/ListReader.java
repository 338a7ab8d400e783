package io.iechor.prune.core.internal;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads the list and inspect answers of containers, images, volumes and networks, as Docker
 * 20.10/26.1 and Podman 4.3 send them (recorded in {@code src/test/resources/lists}). Fields not
 * needed are skipped; Docker's {@code <none>:<none>} placeholders are dropped. Disk usage and
 * engine facts: {@link UsageReader}.
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
                c.state = n.toLowerCase(Locale.ROOT);
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


}
