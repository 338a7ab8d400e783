package io.iechor.prune.core.internal;

import io.iechor.prune.plan.PlannedRemoval;
import io.iechor.prune.plan.RemovalOutcome;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Removes one planned container, network or volume, after checking it is still the same object and
 * still unused by the engine's own rule. Never forced.
 */
final class ObjectRemover {
  private final Exchange x;
  private final Dialect d;

  ObjectRemover(Exchange x, Dialect d) {
    this.x = x;
    this.d = d;
  }

  RemovalOutcome container(PlannedRemoval r) {
    Optional<ContainerEntry> now = x.find("/containers/" + r.id() + "/json", ListReader::containerInspect);
    if (now.isEmpty()) {
      return gone(r);
    }
    if (!d.prunableState(now.get().state())) {
      return RemovalOutcome.skipped(r, "it is " + now.get().state() + " now");
    }
    return Applier.outcome(r, x.send(Exchange.request("DELETE", x.versioned("/containers/" + r.id()), Map.of()),
        null));
  }

  RemovalOutcome network(PlannedRemoval r) {
    Optional<NetworkEntry> now = x.find("/networks/" + r.id(), ListReader::network);
    if (now.isEmpty()) {
      return gone(r);
    }
    // Podman derives a network's ID from its name, so only the creation time tells a new one.
    if (changed(r.created(), now.get().created())) {
      return RemovalOutcome.skipped(r, "it was recreated since the plan (created " + now.get().created() + ")");
    }
    if (!now.get().containers().isEmpty()) {
      return RemovalOutcome.skipped(r, "it is in use now by " + (d.podman() ? "" : "running ") + "container(s) "
          + now.get().containers());
    }
    return Applier.outcome(r, x.send(Exchange.request("DELETE", x.versioned("/networks/" + r.id()), Map.of()), null));
  }

  RemovalOutcome volume(PlannedRemoval r) {
    Optional<VolumeEntry> now = x.find("/volumes/" + r.id(), ListReader::volume);
    if (now.isEmpty()) {
      return gone(r);
    }
    if (changed(r.created(), now.get().createdAt())) {
      return RemovalOutcome.skipped(r, "it was recreated under the same name since the plan (created "
          + now.get().createdAt() + ")");
    }
    FiltersJson byVolume = new FiltersJson().add("volume", r.id());
    List<String> users = x.get("/containers/json", Exchange.query("all", "1", "filters", byVolume.toJson()),
            ListReader::containers).stream()
        // The filter also matches a mount point of that path; only a mount of this volume counts.
        .filter(c -> c.volumes().contains(r.id())).map(c -> c.names().isEmpty() ? c.id() : c.names().get(0)).toList();
    if (!users.isEmpty()) {
      return RemovalOutcome.skipped(r, "it is in use now by container(s) " + users);
    }
    return Applier.outcome(r, x.send(Exchange.request("DELETE", x.versioned("/volumes/" + r.id()), Map.of()), null));
  }

  private static RemovalOutcome gone(PlannedRemoval r) {
    return RemovalOutcome.skipped(r, "it no longer exists");
  }

  /** Whether a creation time known at plan time differs now. */
  private static boolean changed(Optional<Instant> planned, Instant now) {
    return planned.isPresent() && !Objects.equals(planned.get(), now);
  }
}
