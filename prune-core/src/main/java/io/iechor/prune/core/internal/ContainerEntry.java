package io.iechor.prune.core.internal;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A container as {@code GET /containers/json?all=1&size=1} lists it.
 *
 * @param names without the leading {@code /}
 * @param state {@code created}, {@code running}, {@code exited}...
 * @param created to the second in list answers, exact after {@link ListReader#containerInspect}
 * @param networks names of the networks it is configured for, running or not
 * @param volumes names of the volumes it mounts
 * @param sizeRw bytes in its writable layer, -1 when not listed
 * @param pod the Podman pod it belongs to, empty if none or on Docker
 */
record ContainerEntry(String id, List<String> names, String imageId, String state, Instant created,
    Map<String, String> labels, Set<String> networks, Set<String> volumes, long sizeRw, String pod) {

  ContainerEntry withPod(String pod) {
    return new ContainerEntry(id, names, imageId, state, created, labels, networks, volumes, sizeRw, pod);
  }

  ContainerEntry withCreated(Instant exact) {
    return new ContainerEntry(id, names, imageId, state, exact, labels, networks, volumes, sizeRw, pod);
  }
}
