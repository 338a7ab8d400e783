package io.iechor.prune.it;

import io.iechor.prune.ObjectKind;
import io.iechor.prune.plan.PlannedRemoval;
import io.iechor.prune.testing.DockerCli;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The objects of one fixture set, read with the CLI: object identity (kind and ID, or volume name)
 * to {@code kind:role}. Differences of two inventories are what a prune removed.
 */
final class Inventory {
  private final Map<String, String> roles;

  private Inventory(Map<String, String> roles) {
    this.roles = roles;
  }

  static Inventory of(DockerCli cli, String setLabel) {
    Map<String, String> roles = new LinkedHashMap<>();
    read(cli, roles, ObjectKind.CONTAINERS, List.of("container", "ls", "--all", "--quiet", "--no-trunc"),
        List.of("container", "inspect", "--format", "{{.Id}} {{index .Config.Labels \"" + PlanFixtureSet.ROLE + "\"}}"),
        setLabel);
    read(cli, roles, ObjectKind.IMAGES, List.of("image", "ls", "--all", "--quiet", "--no-trunc"),
        List.of("image", "inspect", "--format", "{{.Id}} {{index .Config.Labels \"" + PlanFixtureSet.ROLE + "\"}}"),
        setLabel);
    read(cli, roles, ObjectKind.VOLUMES, List.of("volume", "ls", "--quiet"),
        List.of("volume", "inspect", "--format", "{{.Name}} {{index .Labels \"" + PlanFixtureSet.ROLE + "\"}}"),
        setLabel);
    read(cli, roles, ObjectKind.NETWORKS, List.of("network", "ls", "--quiet", "--no-trunc"),
        List.of("network", "inspect", "--format", "{{.Id}} {{index .Labels \"" + PlanFixtureSet.ROLE + "\"}}"),
        setLabel);
    return new Inventory(roles);
  }

  private static void read(DockerCli cli, Map<String, String> roles, ObjectKind kind, List<String> list,
      List<String> inspect, String setLabel) {
    List<String> ls = new ArrayList<>(list);
    ls.addAll(List.of("--filter", "label=" + setLabel));
    Set<String> ids = new TreeSet<>(cli.lines(ls.toArray(String[]::new)));
    if (ids.isEmpty()) {
      return;
    }
    List<String> args = new ArrayList<>(inspect);
    args.addAll(ids);
    for (String line : cli.lines(args.toArray(String[]::new))) {
      String[] idRole = line.split(" ", 2);
      roles.put(key(kind, idRole[0]), name(kind) + ":" + (idRole.length > 1 ? idRole[1] : "?"));
    }
  }

  /** {@code kind:role} of each planned object; an object outside the set shows as {@code kind:OUTSIDE <id>}. */
  Set<String> rolesOf(List<PlannedRemoval> removals) {
    Set<String> out = new TreeSet<>();
    for (PlannedRemoval r : removals) {
      out.add(roles.getOrDefault(key(r.kind(), r.id()), name(r.kind()) + ":OUTSIDE " + r.id()));
    }
    return out;
  }

  /** {@code kind:role} of what is here and no longer in {@code after}. */
  Set<String> removedIn(Inventory after) {
    Set<String> out = new TreeSet<>();
    roles.forEach((key, role) -> {
      if (!after.roles.containsKey(key)) {
        out.add(role);
      }
    });
    return out;
  }

  /** Every {@code kind:role} of the set. */
  Set<String> all() {
    return new TreeSet<>(roles.values());
  }

  private static String key(ObjectKind kind, String id) {
    return kind + ":" + (id.startsWith("sha256:") ? id.substring(7) : id);
  }

  static String name(ObjectKind kind) {
    return switch (kind) {
      case CONTAINERS -> "container";
      case IMAGES -> "image";
      case VOLUMES -> "volume";
      case NETWORKS -> "network";
      case BUILD_CACHE -> "build-cache";
    };
  }

  @Override
  public String toString() {
    return roles.toString();
  }
}
