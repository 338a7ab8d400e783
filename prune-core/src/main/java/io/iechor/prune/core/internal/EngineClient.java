package io.iechor.prune.core.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.iechor.prune.EngineApiException;
import io.iechor.prune.EngineConnectionException;
import io.iechor.prune.EngineInfo;
import io.iechor.prune.EngineNotFoundException;
import io.iechor.prune.EngineNotFoundException.Attempt;
import io.iechor.prune.InvalidFilterException;
import io.iechor.prune.PruneException;
import io.iechor.prune.PruneFilters;
import io.iechor.prune.PruneInProgressException;
import io.iechor.prune.UnreadableResponseException;
import io.iechor.prune.UnsupportedFeatureException;
import io.iechor.prune.plan.ApplyResult;
import io.iechor.prune.plan.PrunePlan;
import io.iechor.prune.report.BuildCachePruneReport;
import io.iechor.prune.report.ContainerPruneReport;
import io.iechor.prune.report.ImagePruneReport;
import io.iechor.prune.report.NetworkPruneReport;
import io.iechor.prune.report.SystemPruneReport;
import io.iechor.prune.report.VolumePruneReport;
import io.iechor.prune.spi.ClientSettings;
import io.iechor.prune.spi.EngineRequest;
import io.iechor.prune.spi.EngineResponse;
import io.iechor.prune.spi.PlanRequest;
import io.iechor.prune.spi.PruneEngine;
import io.iechor.prune.spi.Transport;
import io.iechor.prune.spi.TransportOptions;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.function.Function;

/**
 * The engine client: finds the engine, negotiates the API version on first use, checks each
 * prune against that version, sends it and reads the answer.
 */
final class EngineClient implements PruneEngine {
  /** Marks Podman's own image prune answer, which is a list rather than an object. */
  private static final String LIBPOD_IMAGES = "[libpod images]";

  private final ClientSettings settings;
  private final Discovery discovery;
  private final Transports transports;
  private final Object lock = new Object();
  private volatile Session session;
  private volatile boolean closed;

  EngineClient(ClientSettings settings, Discovery discovery, Transports transports) {
    this.settings = settings;
    this.discovery = discovery;
    this.transports = transports;
  }

  @Override
  public EngineInfo info() {
    return session().info();
  }

  @Override
  public ContainerPruneReport pruneContainers(PruneFilters filters) {
    Session s = session();
    EngineRequest r = Requests.containers(s.info(), filters);
    return call(s, r, "ContainersDeleted", p -> new ContainerPruneReport(p.ids, p.spaceReclaimed, s.info()));
  }

  @Override
  public ImagePruneReport pruneImages(PruneFilters filters, boolean all) {
    Session s = session();
    EngineRequest r = Requests.images(s.info(), filters, all);
    return call(s, r, imagesField(r), p -> new ImagePruneReport(p.images, p.spaceReclaimed, s.info()));
  }

  @Override
  public VolumePruneReport pruneVolumes(PruneFilters filters, boolean all) {
    Session s = session();
    EngineRequest r = Requests.volumes(s.info(), filters, all);
    return call(s, r, "VolumesDeleted", p -> new VolumePruneReport(p.ids, p.spaceReclaimed, s.info()));
  }

  @Override
  public NetworkPruneReport pruneNetworks(PruneFilters filters) {
    Session s = session();
    EngineRequest r = Requests.networks(s.info(), filters);
    return call(s, r, "NetworksDeleted", p -> new NetworkPruneReport(p.ids, s.info()));
  }

  @Override
  public BuildCachePruneReport pruneBuildCache(PruneFilters filters, boolean all, OptionalLong keepStorage) {
    Session s = session();
    EngineRequest r = Requests.buildCache(s.info(), filters, all, keepStorage);
    return call(s, r, "CachesDeleted", p -> new BuildCachePruneReport(p.ids, p.spaceReclaimed, s.info()));
  }

  @Override
  public SystemPruneReport pruneSystem(PruneFilters filters, boolean all, boolean volumes) {
    if (volumes && filters.until().isPresent()) {
      throw new InvalidFilterException("until=" + filters.until().get(),
          "The \"until\" filter is not supported with volumes (--volumes): the engine keeps no volume age");
    }
    Session s = session();
    EngineInfo info = s.info();
    // Every request is built, and so checked, before the first one is sent.
    EngineRequest containers = Requests.containers(info, filters);
    EngineRequest networks = Requests.networks(info, filters);
    EngineRequest volumesReq = volumes ? Requests.volumes(info, filters, false) : null;
    EngineRequest images = Requests.images(info, filters, all);
    EngineRequest build = null;
    String buildSkipped;
    if (!filters.labels().isEmpty()) {
      buildSkipped = "a label filter was given and build cache has no labels, so none of it matches";
    } else if (info.podman()) {
      buildSkipped = "Podman's Docker-compatible API has no build-cache prune";
    } else {
      try {
        build = Requests.buildCache(info, PruneFilters.none().and(untilOnly(filters)), all, OptionalLong.empty());
        buildSkipped = null;
      } catch (UnsupportedFeatureException e) {
        buildSkipped = e.getMessage();
      }
    }

    ContainerPruneReport c = call(s, containers, "ContainersDeleted",
        p -> new ContainerPruneReport(p.ids, p.spaceReclaimed, info));
    NetworkPruneReport n = call(s, networks, "NetworksDeleted", p -> new NetworkPruneReport(p.ids, info));
    VolumePruneReport v = volumesReq == null ? null : call(s, volumesReq, "VolumesDeleted",
        p -> new VolumePruneReport(p.ids, p.spaceReclaimed, info));
    ImagePruneReport i = call(s, images, imagesField(images),
        p -> new ImagePruneReport(p.images, p.spaceReclaimed, info));
    BuildCachePruneReport b = null;
    if (build != null) {
      try {
        b = call(s, build, "CachesDeleted", p -> new BuildCachePruneReport(p.ids, p.spaceReclaimed, info));
      } catch (UnsupportedFeatureException e) {
        buildSkipped = e.getMessage();
      }
    }
    return new SystemPruneReport(c, n, v, i, b, buildSkipped);
  }

  @Override
  public PrunePlan plan(PlanRequest request) {
    return new Planner(new Exchange(session(), settings.readTimeout())).plan(request, this);
  }

  @Override
  public ApplyResult apply(PrunePlan plan) {
    return new Applier(new Exchange(session(), settings.readTimeout())).apply(plan);
  }

  private static String imagesField(EngineRequest r) {
    return r.path().equals(Requests.LIBPOD_IMAGES_PRUNE) ? LIBPOD_IMAGES : "ImagesDeleted";
  }

  private static PruneFilters untilOnly(PruneFilters f) {
    return f.until().map(u -> PruneFilters.none().withUntil(u)).orElse(PruneFilters.none());
  }

  @Override
  public void close() {
    synchronized (lock) {
      closed = true;
      if (session != null) {
        session.transport().close();
        session = null;
      }
    }
  }

  // ---------------------------------------------------------------- connecting

  private Session session() {
    Session s = session;
    if (s != null) {
      return s;
    }
    synchronized (lock) {
      if (closed) {
        throw new IllegalStateException("This client is closed");
      }
      if (session == null) {
        session = connect();
      }
      return session;
    }
  }

  private Session connect() {
    List<Candidate> candidates = settings.explicitEndpoint()
        .map(e -> List.of(discovery.explicit(e, settings.tlsDirectory())))
        .orElseGet(discovery::candidates);
    List<Attempt> attempts = new ArrayList<>();
    for (Candidate c : candidates) {
      if (c.unavailable() != null) {
        attempts.add(new Attempt(c.endpoint(), c.source(), c.unavailable()));
        continue;
      }
      Transport t;
      try {
        t = transports.open(c.endpoint(), new TransportOptions(settings.connectTimeout(), settings.readTimeout(),
            c.tlsDirectory()));
      } catch (PruneException e) {
        attempts.add(new Attempt(c.endpoint(), c.source(), e.getMessage()));
        continue;
      }
      try {
        return new Session(t, Ping.negotiate(t, settings.connectTimeout()));
      } catch (IOException e) {
        t.close();
        attempts.add(new Attempt(c.endpoint(), c.source(), Failures.reason(e)));
      } catch (EngineApiException | UnreadableResponseException e) {
        t.close();
        attempts.add(new Attempt(c.endpoint(), c.source(), "not an iEchor engine: " + e.getMessage()));
      } catch (RuntimeException e) {
        t.close();
        throw e;
      }
    }
    throw new EngineNotFoundException(attempts);
  }

  // ---------------------------------------------------------------- calling

  private <T> T call(Session s, EngineRequest request, String listField, Function<ResponseReader.Parsed, T> map) {
    long deadline = System.nanoTime() + settings.retryOnConflict().toNanos();
    long pauseMillis = 100;
    while (true) {
      try {
        return callOnce(s, request, listField, map);
      } catch (PruneInProgressException e) {
        if (System.nanoTime() + pauseMillis * 1_000_000 > deadline) {
          throw e;
        }
        try {
          Thread.sleep(pauseMillis);
        } catch (InterruptedException ie) {
          Thread.currentThread().interrupt();
          throw e;
        }
        pauseMillis = Math.min(pauseMillis * 2, 5_000);
      }
    }
  }

  private <T> T callOnce(Session s, EngineRequest request, String listField,
      Function<ResponseReader.Parsed, T> map) {
    String endpoint = s.info().endpoint();
    EngineResponse response;
    try {
      response = s.transport().execute(request);
    } catch (IOException e) {
      throw Failures.duringRequest(endpoint, request, e, settings.readTimeout());
    }
    try (EngineResponse r = response) {
      if (r.status() < 200 || r.status() > 299) {
        throw Failures.fromResponse(request, r, s.info().apiVersion());
      }
      try {
        return map.apply(listField.equals(LIBPOD_IMAGES) ? ResponseReader.readLibpodImages(r.body())
            : ResponseReader.read(r.body(), listField));
      } catch (JsonProcessingException e) {
        throw new UnreadableResponseException(request.method(), request.path(),
            e.getOriginalMessage() + ". The prune may have run; list the objects to see what is left", e);
      } catch (IOException e) {
        throw Failures.duringRequest(endpoint, request, e, settings.readTimeout());
      }
    } catch (IOException e) {
      // closing the response failed: the answer was already read
      throw new EngineConnectionException(endpoint, "Closing the connection to " + endpoint + " failed: "
          + e.getMessage(), e);
    }
  }

  @Override
  public String toString() {
    Session s = session;
    return "EngineClient[" + (s == null ? "not connected" : s.info().endpoint() + " API " + s.info().apiVersion())
        + "]";
  }
}
