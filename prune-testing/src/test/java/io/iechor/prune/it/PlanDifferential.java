package io.iechor.prune.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.iechor.prune.ContainerPrune;
import io.iechor.prune.ImagePrune;
import io.iechor.prune.NetworkPrune;
import io.iechor.prune.PruneClient;
import io.iechor.prune.Pruner;
import io.iechor.prune.SystemPrune;
import io.iechor.prune.UnsupportedFeatureException;
import io.iechor.prune.VolumePrune;
import io.iechor.prune.plan.ApplyResult;
import io.iechor.prune.plan.PrunePlan;
import io.iechor.prune.plan.RemovalOutcome;
import io.iechor.prune.testing.Fixtures;
import io.iechor.prune.testing.TestEngine;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * The differential proof of plans (issue 6): for each guide command and filter, the same fixture is
 * made twice, as set A and set B, each with its own label. {@code plan()} on A must name exactly
 * (by kind and role) what the engine's own prune then removes from B, and {@code apply()} on A must
 * remove exactly the planned objects, leaving A as the prune left B. Each case also states what it
 * expects, per engine, so a rule both sides got wrong the same way would still fail.
 *
 * <p>Subclasses pick the engine. Where the engines' rules differ, the expectation says which engine
 * does what (see {@link Engine}).
 */
abstract class PlanDifferential {

  /** The engines of the matrix, whose prune rules differ in places. */
  enum Engine {
    /** API 1.41: named volumes are in scope of a volume prune. */
    DOCKER_20,
    /** API 1.45: a volume prune without all() takes only anonymous volumes. */
    DOCKER_26,
    /** Podman 4.3: named volumes always in scope, networks kept while any container names them, no label! on volumes. */
    PODMAN
  }

  TestEngine engine;
  Fixtures fx;
  PruneClient client;
  String scope;

  abstract TestEngine engine();

  abstract Engine flavor();

  @BeforeEach
  void connect() {
    engine = engine();
    fx = engine.fixtures();
    client = Pruner.connect(engine.unixEndpoint());
    scope = UUID.randomUUID().toString().substring(0, 8);
  }

  @AfterEach
  void close() {
    client.close();
  }

  /** A step on one set, as the plan and as the engine's prune. */
  interface Step {
    PrunePlan plan();

    void run();
  }

  /** What a case's step gets: its set, and the cutoff between the two fixture phases. */
  record Ctx(PlanFixtureSet set, Instant cutoff, PruneClient client) {
  }

  static Step step(ContainerPrune p) {
    return of(p::plan, p::run);
  }

  static Step step(ImagePrune p) {
    return of(p::plan, p::run);
  }

  static Step step(VolumePrune p) {
    return of(p::plan, p::run);
  }

  static Step step(NetworkPrune p) {
    return of(p::plan, p::run);
  }

  static Step step(SystemPrune p) {
    return of(p::plan, p::run);
  }

  private static Step of(java.util.function.Supplier<PrunePlan> plan, Runnable run) {
    return new Step() {
      @Override
      public PrunePlan plan() {
        return plan.get();
      }

      @Override
      public void run() {
        run.run();
      }
    };
  }

  boolean is(Engine e) {
    return flavor() == e;
  }

  /** {@code kind:role} names, e.g. {@code roles("container:exited", "image:dangling")}. */
  static Set<String> roles(String... kindRoles) {
    return new TreeSet<>(Set.of(kindRoles));
  }

  /** The two sets of one case. */
  PlanFixtureSet[] sets() {
    return new PlanFixtureSet[] {new PlanFixtureSet(fx, engine.cli(), scope + "-a"),
        new PlanFixtureSet(fx, engine.cli(), scope + "-b")};
  }

  /** A case whose fixture has no time split. */
  void differential(Consumer<PlanFixtureSet> fixture, Function<Ctx, Step> step, Set<String> expected) {
    differential(fixture, null, step, expected);
  }

  /**
   * Makes {@code before} in both sets; if {@code after} is given, waits, takes the cutoff, waits
   * and makes {@code after} in both. Then: plan A, prune B, compare; apply A, compare.
   */
  void differential(Consumer<PlanFixtureSet> before, Consumer<PlanFixtureSet> after, Function<Ctx, Step> step,
      Set<String> expected) {
    PlanFixtureSet[] ab = sets();
    PlanFixtureSet a = ab[0];
    PlanFixtureSet b = ab[1];
    before.accept(a);
    before.accept(b);
    Instant cutoff = null;
    if (after != null) {
      cutoff = splitTime();
      after.accept(a);
      after.accept(b);
    }
    Inventory a0 = Inventory.of(engine.cli(), a.label());
    Inventory b0 = Inventory.of(engine.cli(), b.label());
    assertThat(a0.all()).as("the two sets are alike").isEqualTo(b0.all());

    PrunePlan plan = step.apply(new Ctx(a, cutoff, client)).plan();
    Set<String> planned = a0.rolesOf(plan.removals());
    assertThat(Inventory.of(engine.cli(), a.label()).all()).as("a plan removes nothing").isEqualTo(a0.all());

    step.apply(new Ctx(b, cutoff, client)).run();
    Set<String> pruned = b0.removedIn(Inventory.of(engine.cli(), b.label()));

    assertThat(planned).as("plan on A vs the engine's prune on B, " + flavor()).isEqualTo(pruned);
    assertThat(planned).as("the engine's rule on " + flavor()).isEqualTo(expected);
    assertThat(plan.engine().apiVersion()).isEqualTo(client.engine().apiVersion());

    ApplyResult result = plan.apply();
    assertThat(result.outcomes()).as(result.toString()).allMatch(o -> o.status() == RemovalOutcome.Status.REMOVED);
    assertThat(a0.removedIn(Inventory.of(engine.cli(), a.label()))).as("apply removes exactly the plan")
        .isEqualTo(planned);
    assertThat(result.reclaimedBytes()).isEqualTo(plan.totalSize());
  }

  /** Both the plan and the prune refuse the step, and nothing is removed. */
  void bothRefuse(Consumer<PlanFixtureSet> fixture, Function<Ctx, Step> step, String message) {
    PlanFixtureSet[] ab = sets();
    fixture.accept(ab[0]);
    fixture.accept(ab[1]);
    Inventory a0 = Inventory.of(engine.cli(), ab[0].label());
    Inventory b0 = Inventory.of(engine.cli(), ab[1].label());
    assertThatThrownBy(() -> step.apply(new Ctx(ab[0], null, client)).plan())
        .isInstanceOf(UnsupportedFeatureException.class).hasMessageContaining(message);
    assertThatThrownBy(() -> step.apply(new Ctx(ab[1], null, client)).run())
        .isInstanceOf(UnsupportedFeatureException.class).hasMessageContaining(message);
    assertThat(a0.removedIn(Inventory.of(engine.cli(), ab[0].label()))).isEmpty();
    assertThat(b0.removedIn(Inventory.of(engine.cli(), ab[1].label()))).isEmpty();
  }

  /** Sleeps on both sides of the returned instant, so that objects made before and after fall clearly on either side. */
  static Instant splitTime() {
    sleep(Duration.ofMillis(1500));
    Instant cutoff = Instant.now();
    sleep(Duration.ofMillis(1500));
    return cutoff;
  }

  static void sleep(Duration d) {
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
