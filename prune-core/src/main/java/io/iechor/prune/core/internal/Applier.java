package io.iechor.prune.core.internal;

import io.iechor.prune.EngineApiException;
import io.iechor.prune.EngineConnectionException;
import io.iechor.prune.PruneException;
import io.iechor.prune.plan.ApplyResult;
import io.iechor.prune.plan.PlannedRemoval;
import io.iechor.prune.plan.PrunePlan;
import io.iechor.prune.plan.RemovalOutcome;
import java.util.ArrayList;
import java.util.List;

/**
 * Applies a plan: each planned object in the plan's dependency order, checked again just before
 * its removal. An engine refusal is that object's outcome; a broken connection ends the run, and
 * the objects not tried are reported as failed without asking the engine again.
 */
final class Applier {
  private final Exchange x;
  private final ObjectRemover objects;
  private final ImageRemover images;
  private final CacheRemover cache;

  Applier(Exchange x) {
    this.x = x;
    Dialect d = new Dialect(x.info());
    this.objects = new ObjectRemover(x, d);
    this.images = new ImageRemover(x);
    this.cache = new CacheRemover(x);
  }

  ApplyResult apply(PrunePlan plan) {
    if (!plan.engine().endpoint().equals(x.info().endpoint())) {
      throw new IllegalArgumentException("This plan was made for the engine at " + plan.engine().endpoint()
          + ", not " + x.info().endpoint() + ": apply it through its own client");
    }
    List<RemovalOutcome> out = new ArrayList<>();
    String broken = null;
    for (PlannedRemoval r : plan.removals()) {
      if (broken != null) {
        out.add(RemovalOutcome.failed(r, 0, "not tried: " + broken));
        continue;
      }
      try {
        out.add(remove(r));
      } catch (EngineConnectionException e) {
        broken = e.getMessage();
        out.add(RemovalOutcome.failed(r, 0, e.getMessage()));
      } catch (EngineApiException e) {
        out.add(RemovalOutcome.failed(r, e.status(), e.getMessage()));
      } catch (PruneException e) {
        out.add(RemovalOutcome.failed(r, 0, e.getMessage()));
      }
    }
    return new ApplyResult(out, x.info());
  }

  private RemovalOutcome remove(PlannedRemoval r) {
    return switch (r.kind()) {
      case CONTAINERS -> objects.container(r);
      case NETWORKS -> objects.network(r);
      case VOLUMES -> objects.volume(r);
      case IMAGES -> images.remove(r);
      case BUILD_CACHE -> cache.remove(r);
    };
  }

  /** The outcome of a DELETE: removed, already gone (skipped), or refused (failed). */
  static RemovalOutcome outcome(PlannedRemoval r, Exchange.Answer<?> a) {
    if (a.ok()) {
      return RemovalOutcome.removed(r, r.size());
    }
    if (a.status() == 404) {
      return RemovalOutcome.skipped(r, "it was removed by someone else meanwhile (" + a.message() + ")");
    }
    return RemovalOutcome.failed(r, a.status(), a.message());
  }
}
