package io.iechor.prune.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.iechor.prune.ApiVersion;
import io.iechor.prune.ContainerPrune;
import io.iechor.prune.ImagePrune;
import io.iechor.prune.Label;
import io.iechor.prune.NetworkPrune;
import io.iechor.prune.PruneClient;
import io.iechor.prune.PruneException;
import io.iechor.prune.Pruner;
import io.iechor.prune.SystemPrune;
import io.iechor.prune.UnsupportedFeatureException;
import io.iechor.prune.VolumePrune;
import io.iechor.prune.report.ImagePruneReport;
import io.iechor.prune.report.SystemPruneReport;
import io.iechor.prune.testing.CommandFailedException;
import io.iechor.prune.testing.CommandResult;
import io.iechor.prune.testing.DockerCli;
import io.iechor.prune.testing.Fixtures;
import io.iechor.prune.testing.TestEngine;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * "Nothing wrongly removed" (issue 4), as a property test on real engines. Each round makes a
 * random set of images (tagged, dangling, some with two tags), containers (created, exited,
 * running; on the round's images, networks and volumes or not), volumes (named, anonymous) and
 * networks, each with a random subset of the labels {@code a=1|a=2}, {@code b=1},
 * {@code keep=true} and always the round's own label, plus one decoy of each kind that lacks the
 * round label. It runs one random prune scoped by the round label with random extra
 * {@code label}/{@code label!} filters and {@code until} cutoffs, and checks from listings taken
 * before and after:
 * <ol>
 *   <li>nothing in use or protected by the filters is gone (decoys included);</li>
 *   <li>everything that is gone is in the report;</li>
 *   <li>the report lists nothing that still exists, and nothing outside the round.</li>
 * </ol>
 * It does not predict which eligible objects go, only that what must stay stays and that the
 * report is honest. What "in use" means follows the engine (contract §2-5, §8): Docker keeps
 * networks with a running container, Podman those any container uses; Docker from API 1.42 keeps
 * named volumes unless {@code all()}; containers inherit their image's labels, so labels are read
 * back from the engine rather than assumed.
 *
 * <p>Every round prints its seed. Replay one round with
 * {@code -Diechor.prop.seed=<seed> -Diechor.prop.rounds=1} (and {@code -Diechor.prop.engine=podman}
 * to run one engine only; {@code -Diechor.prop.verbose=true} prints every object). Object IDs and
 * times differ on replay; the choices do not.
 */
class NothingWronglyRemovedIT {
  /** The label that scopes each prune to the round's objects. */
  private static final String ROUND_KEY = "iechor-prop-round";
  /** Carried by the round's objects and its decoys, which lack {@link #ROUND_KEY}: lists and cleans up both. */
  private static final String SET_KEY = "iechor-prop-set";
  /** Rounds per engine when {@code iechor.prop.rounds} is not set: 2 to 2.5 minutes per engine on 2 cores. */
  private static final int DEFAULT_ROUNDS = 25;
  private static final long SEED_STEP = 0x9E3779B97F4A7C15L;
  /** Pause on each side of an until cutoff, so that creation times clearly differ from it. */
  private static final long AROUND_CUTOFF_MILLIS = 1100;
  /** Filter conditions drawn for label / label!: key only, or key=value, over the objects' labels. */
  private static final List<String> FILTER_LABELS = List.of("a", "a=1", "a=2", "b", "b=1", "keep", "keep=true");
  /** The label Docker (API 1.42+) gives volumes created without a name. */
  private static final String ANONYMOUS_VOLUME = "com.docker.volume.anonymous";

  /**
   * Every engine, or only the one named by {@code iechor.prop.engine} when replaying a seed; an
   * unknown name fails rather than running nothing.
   */
  static List<String> engines() {
    List<String> all = List.of("docker-20.10", "docker-26.1", "podman");
    String only = System.getProperty("iechor.prop.engine", "").strip();
    if (only.isEmpty()) {
      return all;
    }
    if (!all.contains(only)) {
      throw new IllegalArgumentException("iechor.prop.engine=" + only + " is none of " + all);
    }
    return List.of(only);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("engines")
  void noPruneRemovesWhatItMustKeep(String engineName) {
    int rounds = Integer.getInteger("iechor.prop.rounds", DEFAULT_ROUNDS);
    String seedProperty = System.getProperty("iechor.prop.seed", "");
    long seed = seedProperty.isBlank() ? new SecureRandom().nextLong() : Long.parseLong(seedProperty.strip());

    TestEngine engine = switch (engineName) {
      case "docker-20.10" -> TestEngine.shared();
      case "docker-26.1" -> Engines.docker26();
      default -> Engines.podman();
    };
    Stats stats = new Stats();
    List<AssertionError> failed = new ArrayList<>();
    long started = System.nanoTime();
    try (PruneClient client = Pruner.connect(engine.unixEndpoint())) {
      System.out.printf("[%s] %s: %d rounds from seed %d%n", engineName, engine, rounds, seed);
      for (int i = 0; i < rounds; i++) {
        long roundSeed = seed + i * SEED_STEP;
        Round round = new Round(engineName, engine, client, roundSeed, i + 1, rounds);
        try {
          round.run();
        } catch (AssertionError e) {
          // Keep going: the other rounds show whether the failure is one case or a pattern.
          System.out.println(e.getMessage());
          failed.add(e);
        } finally {
          round.cleanUp();
        }
        stats.add(round);
      }
    } finally {
      System.out.printf("[%s] summary: %d rounds, %d objects created, %d pruned, %d refused, %d failed,"
              + " prunes by kind %s, %.0f s, seed %d%n", engineName, stats.rounds, stats.created, stats.pruned,
          stats.refused, failed.size(), stats.byKind, (System.nanoTime() - started) / 1e9, seed);
    }
    if (!failed.isEmpty()) {
      AssertionError all = new AssertionError(failed.size() + " of " + rounds + " rounds on " + engineName
          + " removed or reported what they should not; the first:\n" + failed.get(0).getMessage());
      failed.stream().skip(1).forEach(all::addSuppressed);
      throw all;
    }
  }

  // ---------------------------------------------------------------- one round

  /** One round: make the objects, prune once, check the three properties, clean up. */
  private static final class Round {
    private final PruneClient client;
    private final DockerCli cli;
    private final Fixtures fx;
    private final Random rnd;
    private final String header;
    private final String roundId = UUID.randomUUID().toString();
    private final String setFilter;
    private final boolean podman;
    private final ApiVersion api;
    private final Spec spec;
    /** What was made, by key (image ID without {@code sha256:}, container ID, volume or network name). */
    private final Map<String, Made> made = new LinkedHashMap<>();
    private Instant cutoff;
    private int pruned;
    private boolean refused;

    Round(String engineName, TestEngine engine, PruneClient client, long seed, int number, int of) {
      this.client = client;
      this.cli = engine.cli();
      this.fx = engine.fixtures();
      this.rnd = new Random(seed);
      this.header = "[" + engineName + "] round " + number + "/" + of + " seed=" + seed;
      this.setFilter = "label=" + SET_KEY + "=" + roundId;
      this.podman = client.engine().podman();
      this.api = client.engine().apiVersion();
      this.spec = Spec.random(rnd, roundId);
    }

    void run() {
      try {
        runChecked();
      } catch (RuntimeException e) {
        throw new AssertionError(header + ": " + spec.describe(cutoff) + " failed: " + e, e);
      }
    }

    private void runChecked() {
      long t0 = System.nanoTime();
      make();
      Snapshot before = snapshot();
      Set<String> enginesImagesBefore = normalisedImages(cli.lines("image", "ls", "--all", "--quiet", "--no-trunc"));

      List<String> violations = new ArrayList<>();
      Object report = null;
      try {
        report = prune();
        if (mustRefuse()) {
          violations.add("expected UnsupportedFeatureException for label! on Podman 4 volumes, but the prune ran");
        }
      } catch (UnsupportedFeatureException e) {
        refused = true;
        if (!mayRefuse()) {
          violations.add("the prune was refused: " + e.getMessage());
        }
      } catch (PruneException e) {
        violations.add("the prune failed: " + e);
      }
      Snapshot after = snapshot();
      if (report != null) {
        check(before, after, report, enginesImagesBefore, violations);
      } else {
        checkUnchanged(before, after, violations);
      }
      pruned = before.size() - after.size();
      System.out.printf("%s: %s -> %d objects, %d pruned%s in %.1f s%n", header, spec.describe(cutoff),
          made.size(), pruned, refused ? " (refused)" : "", (System.nanoTime() - t0) / 1e9);
      if (Boolean.getBoolean("iechor.prop.verbose")) {
        System.out.print(describe(before, after));
      }
      assertThat(violations)
          .as("%s%nprune: %s%nreport: %s%nobjects (before -> after):%n%s", header, spec.describe(cutoff), report,
              describe(before, after))
          .isEmpty();
    }

    /** Podman 4 refuses label! on volumes; the library must say so before removing anything. */
    private boolean mustRefuse() {
      return podman && podmanMajor() < 5 && spec.touchesVolumes() && !spec.excluded.isEmpty();
    }

    /**
     * Where Podman cannot AND several label conditions, refusing is a correct answer too. Its image
     * prunes OR the {@code label} and {@code label!} values together before 5.0
     * (containers/podman#17428, #18412), and its own image prune (used for all()) keeps only one
     * value of each filter; its volume prune ORs {@code label} values (containers/podman#26786).
     * A refused prune must change nothing; a prune that runs is held to the same properties as
     * any other.
     */
    private boolean mayRefuse() {
      boolean imagesOred = spec.covers(Kind.IMAGE) && spec.labels.size() + spec.excluded.size() > 1;
      boolean volumesOred = spec.touchesVolumes() && spec.labels.size() > 1;
      return mustRefuse() || podman && (imagesOred || volumesOred);
    }

    // ---------------------------------------------------------------- making objects

    private void make() {
      int imageGroups = 1 + rnd.nextInt(3);
      int volumes = 2 + rnd.nextInt(4);
      int networks = 1 + rnd.nextInt(3);
      int containers = 2 + rnd.nextInt(4);
      // With a cutoff, each object is made before or after it; otherwise all in one phase.
      boolean split = spec.until == UntilMode.INSTANT || spec.until == UntilMode.DURATION_TO_CUTOFF;
      boolean[] groupLate = phases(imageGroups, split);
      boolean[] volumeLate = phases(volumes, split);
      boolean[] networkLate = phases(networks, split);
      boolean[] containerLate = phases(containers, split);
      String prefix = "iechor-prop/" + roundId.substring(0, 8);
      makeDecoys(prefix);
      for (boolean late : split ? new boolean[] {false, true} : new boolean[] {false}) {
        if (late) {
          cutoff = cutoff();
        }
        for (int g = 0; g < imageGroups; g++) {
          if (groupLate[g] == late) {
            makeImageGroup(prefix + "-g" + g, late, false);
          }
        }
        for (int v = 0; v < volumes; v++) {
          if (volumeLate[v] == late) {
            makeVolume(late, false);
          }
        }
        for (int n = 0; n < networks; n++) {
          if (networkLate[n] == late) {
            makeNetwork(late, false);
          }
        }
        for (int c = 0; c < containers; c++) {
          if (containerLate[c] == late) {
            makeContainer(late);
          }
        }
      }
    }

    /**
     * One object of each kind with the round's set label but not its round label: whatever
     * other labels they share with the filters, the prune's scope must keep them, as it keeps
     * other tests' objects on a shared engine.
     */
    private void makeDecoys(String prefix) {
      makeImageGroup(prefix + "-decoy", false, true);
      makeVolume(false, true);
      makeNetwork(false, true);
      var c = fx.container(fx.name("pd")).withLabels(objectLabels(true));
      String id = rnd.nextBoolean() ? c.created() : c.exited();
      add(new Made(Kind.CONTAINER, id, "decoy container", false, true));
    }

    private boolean[] phases(int n, boolean split) {
      boolean[] late = new boolean[n];
      for (int i = 0; i < n; i++) {
        late[i] = split && rnd.nextBoolean();
      }
      return late;
    }

    private Instant cutoff() {
      sleep(AROUND_CUTOFF_MILLIS);
      Instant at = Instant.now();
      sleep(AROUND_CUTOFF_MILLIS);
      return at;
    }

    /**
     * A tagged image (sometimes with a second tag), or a chain of imports onto one tag: each
     * import leaves the previous image dangling, and the last one stays tagged.
     */
    private void makeImageGroup(String repository, boolean late, boolean decoy) {
      String tag = repository + ":v1";
      int danglers = rnd.nextInt(10) < 4 ? 1 + rnd.nextInt(2) : 0;
      for (int i = 0; i <= danglers; i++) {
        String id = bare(fx.image(tag, objectLabels(decoy)));
        String what = i < danglers ? "dangling image (was " + tag + ")" : "image " + tag;
        add(new Made(Kind.IMAGE, id, decoy ? "decoy " + what : what, late, decoy));
      }
      if (danglers == 0 && rnd.nextInt(10) < 3) {
        cli.run("tag", tag, repository + ":alt");
      }
    }

    private void makeVolume(boolean late, boolean decoy) {
      String[] labels = objectLabels(decoy);
      boolean anonymous = rnd.nextBoolean();
      String name = anonymous ? fx.anonymousVolume(labels) : fx.volume(fx.name("pv"), labels);
      add(new Made(Kind.VOLUME, name, (decoy ? "decoy " : "") + (anonymous ? "anonymous" : "named") + " volume",
          late, decoy));
    }

    private void makeNetwork(boolean late, boolean decoy) {
      String name = fx.name("pn");
      String[] labels = objectLabels(decoy);
      for (int attempt = 1; ; attempt++) {
        try {
          fx.network(name, labels);
          break;
        } catch (CommandFailedException e) {
          // Podman picks a subnet from the host's routes, and fails when an interface vanishes meanwhile
          // (other engines on this host come and go): a fixture hiccup, not what this test is about.
          if (attempt == 3 || !e.getMessage().contains("no such network interface")) {
            throw e;
          }
          sleep(500);
        }
      }
      add(new Made(Kind.NETWORK, name, decoy ? "decoy network" : "network", late, decoy));
    }

    private void makeContainer(boolean late) {
      int state = rnd.nextInt(100);
      String[] labels = objectLabels(false);
      List<Made> images = available(Kind.IMAGE, late);
      List<Made> networks = available(Kind.NETWORK, late);
      List<Made> volumes = new ArrayList<>(available(Kind.VOLUME, late));
      Made image = !images.isEmpty() && rnd.nextInt(10) < 5 ? images.get(rnd.nextInt(images.size())) : null;
      Made network = !networks.isEmpty() && rnd.nextInt(10) < 4 ? networks.get(rnd.nextInt(networks.size())) : null;
      List<String> mounted = new ArrayList<>();
      int v = rnd.nextInt(10);
      for (int k = v < 5 ? 0 : v < 9 ? 1 : 2; k > 0 && !volumes.isEmpty(); k--) {
        mounted.add(volumes.remove(rnd.nextInt(volumes.size())).key);
      }

      var c = fx.container(fx.name("pc")).withLabels(labels);
      if (image != null) {
        c = c.fromImage("sha256:" + image.key);
      }
      if (network != null) {
        c = c.onNetwork(network.key);
      }
      for (int i = 0; i < mounted.size(); i++) {
        c = c.withVolume(mounted.get(i), "/v" + i);
      }
      String how = state < 35 ? "created" : state < 75 ? "exited" : "running";
      String id = switch (how) {
        case "created" -> c.created();
        case "exited" -> c.exited();
        default -> c.running();
      };
      Made m = new Made(Kind.CONTAINER, id, how + " container", late, false);
      m.running = how.equals("running");
      m.image = image == null ? null : image.key;
      m.network = network == null ? null : network.key;
      m.volumes = List.copyOf(mounted);
      add(m);
    }

    /** What a container made now may use: the round's objects made in an earlier or the same phase. */
    private List<Made> available(Kind kind, boolean late) {
      return made.values().stream().filter(m -> m.kind == kind && !m.decoy && (late || !m.late)).toList();
    }

    /**
     * The set label, the round label unless it is a decoy, and a random subset of a=1|a=2, b=1,
     * keep=true.
     */
    private String[] objectLabels(boolean decoy) {
      List<String> labels = new ArrayList<>();
      labels.add(SET_KEY + "=" + roundId);
      if (!decoy) {
        labels.add(ROUND_KEY + "=" + roundId);
      }
      int a = rnd.nextInt(3);
      if (a > 0) {
        labels.add("a=" + a);
      }
      if (rnd.nextInt(10) < 4) {
        labels.add("b=1");
      }
      if (rnd.nextInt(10) < 3) {
        labels.add("keep=true");
      }
      return labels.toArray(String[]::new);
    }

    private void add(Made m) {
      made.put(m.key, m);
    }

    // ---------------------------------------------------------------- pruning

    private Object prune() {
      Instant at = spec.until == UntilMode.INSTANT ? cutoff : null;
      Duration age = age();
      return switch (spec.kind) {
        case CONTAINERS -> {
          ContainerPrune p = labelled(client.containers(), ContainerPrune::withLabel, ContainerPrune::withLabel,
              ContainerPrune::withoutLabel, ContainerPrune::withoutLabel);
          yield (at != null ? p.until(at) : age != null ? p.until(age) : p).run();
        }
        case IMAGES -> {
          ImagePrune p = labelled(client.images(), ImagePrune::withLabel, ImagePrune::withLabel,
              ImagePrune::withoutLabel, ImagePrune::withoutLabel);
          p = spec.all ? p.all() : p;
          yield (at != null ? p.until(at) : age != null ? p.until(age) : p).run();
        }
        case VOLUMES -> {
          VolumePrune p = labelled(client.volumes(), VolumePrune::withLabel, VolumePrune::withLabel,
              VolumePrune::withoutLabel, VolumePrune::withoutLabel);
          yield (spec.all ? p.all() : p).run();
        }
        case NETWORKS -> {
          NetworkPrune p = labelled(client.networks(), NetworkPrune::withLabel, NetworkPrune::withLabel,
              NetworkPrune::withoutLabel, NetworkPrune::withoutLabel);
          yield (at != null ? p.until(at) : age != null ? p.until(age) : p).run();
        }
        case SYSTEM -> {
          SystemPrune p = labelled(client.system(), SystemPrune::withLabel, SystemPrune::withLabel,
              SystemPrune::withoutLabel, SystemPrune::withoutLabel);
          p = spec.all ? p.all() : p;
          p = spec.volumes ? p.withVolumes() : p;
          yield (at != null ? p.until(at) : age != null ? p.until(age) : p).run();
        }
      };
    }

    private <S> S labelled(S step, BiFunction<S, String, S> withKey, WithValue<S> withKeyValue,
        BiFunction<S, String, S> withoutKey, WithValue<S> withoutKeyValue) {
      S s = step;
      for (Label l : spec.labels) {
        s = l.value().isPresent() ? withKeyValue.apply(s, l.key(), l.value().get()) : withKey.apply(s, l.key());
      }
      for (Label l : spec.excluded) {
        s = l.value().isPresent() ? withoutKeyValue.apply(s, l.key(), l.value().get()) : withoutKey.apply(s, l.key());
      }
      return s;
    }

    /** The duration form: the cutoff's age now (to the millisecond), or a long age that keeps everything. */
    private Duration age() {
      return switch (spec.until) {
        case DURATION_TO_CUTOFF -> {
          spec.age = Duration.between(cutoff, Instant.now()).truncatedTo(ChronoUnit.MILLIS);
          yield spec.age;
        }
        case LONG_DURATION -> spec.age;
        default -> null;
      };
    }

    // ---------------------------------------------------------------- checking

    private void check(Snapshot before, Snapshot after, Object report, Set<String> enginesImagesBefore,
        List<String> out) {
      Reported r = Reported.of(report, spec.kind);
      if (report instanceof SystemPruneReport s && s.buildCache().isPresent()) {
        out.add("(1) a system prune with a label filter pruned the build cache, which has no labels: " + s.buildCache());
      }
      for (Kind kind : Kind.values()) {
        for (Seen b : before.of(kind).values()) {
          Made m = made.get(b.key);
          boolean gone = !after.of(kind).containsKey(b.key);
          String keep = whyKept(kind, b, m, after);
          if (gone && keep != null) {
            out.add("(1) " + name(b) + " is gone although " + keep);
          }
          if (gone && !r.of(kind).contains(b.key)) {
            out.add("(2) " + name(b) + " is gone but not in the report");
          }
        }
        for (String key : r.of(kind)) {
          boolean ours = before.of(kind).containsKey(key);
          if (ours && after.of(kind).containsKey(key)) {
            out.add("(3) the report lists " + name(before.of(kind).get(key)) + ", which still exists");
          }
          if (!ours && (kind != Kind.IMAGE || enginesImagesBefore.contains(key))) {
            // Docker's image report also lists removed layers; only a listed image ID counts here.
            out.add("(1) the report lists " + kind.word + " " + key + ", which is not of this round");
          }
        }
      }
      checkTags(before, after, r, out);
    }

    /**
     * Tags: without all() none may go. With all(), an image a container uses stays, but Docker's
     * graphdriver store removes all its tags but one (moby/moby#36295, contract §3.2): that is the
     * engine's own behaviour, so only "at least one tag stays" is asserted there. Podman keeps them all.
     */
    private void checkTags(Snapshot before, Snapshot after, Reported r, List<String> out) {
      Set<String> tagsAfter = new HashSet<>();
      after.images.values().forEach(s -> tagsAfter.addAll(s.tags));
      Set<String> tagsBefore = new HashSet<>();
      for (Seen b : before.images.values()) {
        tagsBefore.addAll(b.tags);
        Seen a = after.images.get(b.key);
        if (a == null || b.tags.isEmpty()) {
          continue;
        }
        Set<String> lost = new TreeSet<>(b.tags);
        lost.removeAll(a.tags);
        boolean inUseUnderAll = spec.imagesAll() && spec.covers(Kind.IMAGE) && spec.matches(b.labels)
            && !untilKeeps(made.get(b.key)) && usedBy(b.key, after) != null;
        if (!lost.isEmpty() && !(inUseUnderAll && !podman)) {
          out.add("(1) tags " + lost + " of " + name(b) + " are gone though the image stays");
        }
        if (a.tags.isEmpty()) {
          out.add("(1) " + name(b) + " stays but lost every tag " + b.tags);
        }
      }
      if (!podman) {
        // Podman's report has no untag entries; Docker's lists every removed reference.
        for (String tag : tagsBefore) {
          if (!tagsAfter.contains(tag) && !r.untagged.contains(tag)) {
            out.add("(2) tag " + tag + " is gone but not in the report's untagged list");
          }
        }
      }
      for (String tag : r.untagged) {
        if (tagsAfter.contains(tag)) {
          out.add("(3) the report untagged " + tag + ", which still exists");
        }
        if (!tagsBefore.contains(tag)) {
          out.add("(1) the report untagged " + tag + ", which is not of this round");
        }
      }
    }

    private void checkUnchanged(Snapshot before, Snapshot after, List<String> out) {
      for (Kind kind : Kind.values()) {
        for (Seen b : before.of(kind).values()) {
          Seen a = after.of(kind).get(b.key);
          if (a == null) {
            out.add("(1) " + name(b) + " is gone although the prune was refused");
          } else if (!a.tags.equals(b.tags)) {
            out.add("(1) tags of " + name(b) + " changed from " + b.tags + " to " + a.tags + " in a refused prune");
          }
        }
      }
    }

    /** Why the object must stay, or {@code null} when the prune may remove it. */
    private String whyKept(Kind kind, Seen seen, Made m, Snapshot after) {
      if (!spec.covers(kind)) {
        return "a " + spec.kindText() + " does not remove " + kind.word;
      }
      if (!spec.matches(seen.labels)) {
        return "its labels do not pass " + spec.labelText();
      }
      if (kind != Kind.VOLUME && untilKeeps(m)) {
        return "it is newer than the until cutoff";
      }
      switch (kind) {
        case CONTAINER:
          return m.running ? "it is running" : null;
        case IMAGE: {
          String user = usedBy(seen.key, after);
          if (user != null) {
            return "container " + user + " uses it";
          }
          return !spec.imagesAll() && !seen.tags.isEmpty() ? "it is tagged and the prune has no all()" : null;
        }
        case VOLUME: {
          for (Made c : containers()) {
            if (after.containers.containsKey(c.key) && c.volumes.contains(seen.key)) {
              return "container " + shortId(c.key) + " mounts it";
            }
          }
          boolean anonymousOnly = !podman && api.isAtLeast(ApiVersion.of(1, 42)) && !spec.volumesAll();
          return anonymousOnly && !seen.labels.containsKey(ANONYMOUS_VOLUME)
              ? "it is a named volume and, on API " + api + " without all(), only anonymous ones go" : null;
        }
        default: {
          for (Made c : containers()) {
            // Docker keeps networks with a running container; Podman those any container uses.
            if (seen.key.equals(c.network) && after.containers.containsKey(c.key) && (podman || c.running)) {
              return (c.running ? "running " : "") + "container " + shortId(c.key) + " is on it";
            }
          }
          return null;
        }
      }
    }

    private boolean untilKeeps(Made m) {
      return switch (spec.until) {
        case INSTANT, DURATION_TO_CUTOFF -> m.late;
        case LONG_DURATION -> true;
        case NONE -> false;
      };
    }

    /** A surviving container that uses the image, or {@code null}. */
    private String usedBy(String imageKey, Snapshot after) {
      for (Seen c : after.containers.values()) {
        if (imageKey.equals(c.image)) {
          return shortId(c.key);
        }
      }
      return null;
    }

    private List<Made> containers() {
      return made.values().stream().filter(m -> m.kind == Kind.CONTAINER).toList();
    }

    private String name(Seen s) {
      Made m = made.get(s.key);
      return (m == null ? s.kind.word : m.what) + " " + (s.kind == Kind.IMAGE || s.kind == Kind.CONTAINER
          ? shortId(s.key) : s.key);
    }

    private String describe(Snapshot before, Snapshot after) {
      StringBuilder b = new StringBuilder();
      if (cutoff != null) {
        b.append("  (cutoff ").append(cutoff).append(")\n");
      }
      for (Kind kind : Kind.values()) {
        for (Seen s : before.of(kind).values()) {
          Made m = made.get(s.key);
          Seen a = after.of(kind).get(s.key);
          b.append("  ").append(name(s)).append(m != null && m.late ? " [after cutoff]" : "")
              .append(" labels=").append(ours(s.labels));
          if (m != null && m.image != null) {
            b.append(" image=").append(shortId(m.image));
          }
          if (m != null && m.network != null) {
            b.append(" network=").append(m.network);
          }
          if (m != null && m.volumes != null && !m.volumes.isEmpty()) {
            b.append(" volumes=").append(m.volumes);
          }
          if (!s.tags.isEmpty()) {
            b.append(" tags=").append(s.tags);
          }
          b.append(" -> ").append(a == null ? "GONE" : a.tags.equals(s.tags) ? "kept" : "kept, tags " + a.tags)
              .append('\n');
        }
      }
      return b.toString();
    }

    /** The labels without the run and set labels, which every object has; the round label abridged. */
    private Map<String, String> ours(Map<String, String> labels) {
      Map<String, String> m = new TreeMap<>(labels);
      m.remove(SET_KEY);
      m.remove(TestEngine.RUN_LABEL_KEY);
      m.computeIfPresent(ROUND_KEY, (k, v) -> v.equals(roundId) ? "<this round>" : v);
      return m;
    }

    // ---------------------------------------------------------------- listing

    private Snapshot snapshot() {
      Snapshot s = new Snapshot();
      String labels = "{{range $k, $v := %s}}{{$k}}={{$v}};{{end}}";
      List<String> ids = cli.lines("container", "ls", "--all", "--quiet", "--no-trunc", "--filter", setFilter);
      for (String[] f : inspect("container", ids, "{{.Id}}\t{{.Image}}\t" + labels.formatted(".Config.Labels"))) {
        s.containers.put(f[0], new Seen(Kind.CONTAINER, f[0], labels(f[2]), Set.of(), bare(f[1])));
      }
      ids = List.copyOf(new LinkedHashSet<>(cli.lines("image", "ls", "--all", "--quiet", "--no-trunc",
          "--filter", setFilter)));
      for (String[] f : inspect("image", ids, "{{.Id}}\t{{range .RepoTags}}{{.}};{{end}}\t"
          + labels.formatted(".Config.Labels"))) {
        s.images.put(bare(f[0]), new Seen(Kind.IMAGE, bare(f[0]), labels(f[2]), tags(f[1]), null));
      }
      ids = cli.lines("volume", "ls", "--quiet", "--filter", setFilter);
      for (String[] f : inspect("volume", ids, "{{.Name}}\t" + labels.formatted(".Labels"))) {
        s.volumes.put(f[0], new Seen(Kind.VOLUME, f[0], labels(f[1]), Set.of(), null));
      }
      ids = cli.lines("network", "ls", "--quiet", "--filter", setFilter);
      for (String[] f : inspect("network", ids, "{{.Name}}\t" + labels.formatted(".Labels"))) {
        s.networks.put(f[0], new Seen(Kind.NETWORK, f[0], labels(f[1]), Set.of(), null));
      }
      return s;
    }

    private List<String[]> inspect(String kind, List<String> ids, String format) {
      if (ids.isEmpty()) {
        return List.of();
      }
      List<String> args = new ArrayList<>(List.of(kind, "inspect", "--format", format));
      args.addAll(ids);
      return cli.tryRun(args.toArray(String[]::new)).orThrow().stdout().lines()
          .filter(l -> !l.isBlank())
          .map(l -> l.split("\t", -1))
          .toList();
    }

    private static Map<String, String> labels(String text) {
      Map<String, String> m = new TreeMap<>();
      for (String kv : text.split(";")) {
        if (!kv.isEmpty()) {
          int eq = kv.indexOf('=');
          m.put(kv.substring(0, eq), kv.substring(eq + 1));
        }
      }
      return m;
    }

    /** Tags as {@code repository:tag}, without Podman's {@code localhost/} and without {@code <none>}. */
    private static Set<String> tags(String text) {
      Set<String> tags = new TreeSet<>();
      for (String t : text.split(";")) {
        if (!t.isEmpty() && !t.contains("<none>")) {
          tags.add(normaliseTag(t));
        }
      }
      return tags;
    }

    private Set<String> normalisedImages(List<String> ids) {
      return ids.stream().map(NothingWronglyRemovedIT::bare).collect(Collectors.toSet());
    }

    private int podmanMajor() {
      String server = client.engine().server();
      try {
        return Integer.parseInt(server.replaceFirst("^Libpod/(\\d+)\\..*", "$1"));
      } catch (NumberFormatException e) {
        return 0;
      }
    }

    // ---------------------------------------------------------------- cleaning up

    /** Removes whatever of the round is left, so that rounds do not pile up on the engine. */
    void cleanUp() {
      List<String> failures = new ArrayList<>();
      removeAll(failures, List.of("container", "rm", "--force"), "container", "ls", "--all", "--quiet", "--no-trunc");
      removeAll(failures, List.of("network", "rm"), "network", "ls", "--quiet");
      removeAll(failures, List.of("volume", "rm", "--force"), "volume", "ls", "--quiet");
      removeAll(failures, List.of("image", "rm", "--force"), "image", "ls", "--all", "--quiet", "--no-trunc");
      if (!failures.isEmpty()) {
        System.out.printf("%s: WARNING: cleaning up left something behind: %s%n", header, failures);
      }
    }

    private void removeAll(List<String> failures, List<String> remove, String... list) {
      List<String> args = new ArrayList<>(List.of(list));
      args.addAll(List.of("--filter", setFilter));
      CommandResult listed = cli.tryRun(args.toArray(String[]::new));
      Set<String> ids = new LinkedHashSet<>(listed.lines());
      if (!listed.succeeded() || ids.isEmpty()) {
        if (!listed.succeeded()) {
          failures.add(listed.stderr().strip());
        }
        return;
      }
      List<String> rm = new ArrayList<>(remove);
      rm.addAll(ids);
      CommandResult r = cli.tryRun(rm.toArray(String[]::new));
      if (!r.succeeded()) {
        failures.add(r.stderr().strip());
      }
    }
  }

  // ---------------------------------------------------------------- the random prune

  enum PruneKind { CONTAINERS, IMAGES, VOLUMES, NETWORKS, SYSTEM }

  enum UntilMode {
    NONE,
    /** {@code until(Instant)} at a moment between two creations. */
    INSTANT,
    /** {@code until(Duration)}: the age of that moment when the prune starts. */
    DURATION_TO_CUTOFF,
    /** {@code until(Duration)} of hours: every object is newer, so nothing of an until kind may go. */
    LONG_DURATION
  }

  /** The prune of a round: kind, flags and filters, all drawn from the round's seed. */
  private static final class Spec {
    PruneKind kind;
    boolean all;
    boolean volumes;
    final List<Label> labels = new ArrayList<>();
    final List<Label> excluded = new ArrayList<>();
    UntilMode until = UntilMode.NONE;
    Duration age;

    static Spec random(Random rnd, String roundId) {
      Spec s = new Spec();
      // System prunes twice as often: they cover the most kinds, and the order between them.
      int k = rnd.nextInt(PruneKind.values().length + 1);
      s.kind = PruneKind.values()[Math.min(k, PruneKind.SYSTEM.ordinal())];
      s.all = s.kind != PruneKind.CONTAINERS && s.kind != PruneKind.NETWORKS && rnd.nextBoolean();
      s.volumes = s.kind == PruneKind.SYSTEM && rnd.nextBoolean();
      s.labels.add(Label.of(ROUND_KEY, roundId));
      s.labels.addAll(draw(rnd, new int[] {55, 35, 10}));
      s.excluded.addAll(draw(rnd, new int[] {60, 30, 10}));
      boolean untilAllowed = s.kind != PruneKind.VOLUMES && !s.volumes;
      if (untilAllowed) {
        int u = rnd.nextInt(100);
        s.until = u < 50 ? UntilMode.NONE : u < 75 ? UntilMode.INSTANT : u < 90 ? UntilMode.DURATION_TO_CUTOFF
            : UntilMode.LONG_DURATION;
        if (s.until == UntilMode.LONG_DURATION) {
          s.age = Duration.ofMinutes(30 + rnd.nextInt(48 * 60));
        }
      }
      return s;
    }

    /** 0, 1 or 2 distinct filter labels, with the given percentages. */
    private static List<Label> draw(Random rnd, int[] percent) {
      int p = rnd.nextInt(100);
      int n = p < percent[0] ? 0 : p < percent[0] + percent[1] ? 1 : 2;
      Set<String> picked = new LinkedHashSet<>();
      while (picked.size() < n) {
        picked.add(FILTER_LABELS.get(rnd.nextInt(FILTER_LABELS.size())));
      }
      return picked.stream().map(Label::parse).toList();
    }

    boolean covers(Kind k) {
      return switch (kind) {
        case CONTAINERS -> k == Kind.CONTAINER;
        case IMAGES -> k == Kind.IMAGE;
        case VOLUMES -> k == Kind.VOLUME;
        case NETWORKS -> k == Kind.NETWORK;
        case SYSTEM -> k != Kind.VOLUME || volumes;
      };
    }

    boolean touchesVolumes() {
      return covers(Kind.VOLUME);
    }

    boolean imagesAll() {
      return (kind == PruneKind.IMAGES || kind == PruneKind.SYSTEM) && all;
    }

    /** System prune never passes all() to volumes, as the CLI. */
    boolean volumesAll() {
      return kind == PruneKind.VOLUMES && all;
    }

    /**
     * Docker's rule: every {@code label} must match, and an object is kept by {@code label!} when
     * it matches all of them. Podman's "any label! keeps" keeps more, so this is safe for it too.
     */
    boolean matches(Map<String, String> objectLabels) {
      for (Label l : labels) {
        if (!has(objectLabels, l)) {
          return false;
        }
      }
      return excluded.isEmpty() || !excluded.stream().allMatch(l -> has(objectLabels, l));
    }

    private static boolean has(Map<String, String> objectLabels, Label l) {
      return objectLabels.containsKey(l.key())
          && l.value().map(v -> v.equals(objectLabels.get(l.key()))).orElse(true);
    }

    String kindText() {
      return kind.name().toLowerCase() + " prune";
    }

    /** The label filters, the round's own abridged. */
    String labelText() {
      return Stream.concat(labels.stream().map(l -> "label=" + (l.key().equals(ROUND_KEY) ? ROUND_KEY : l)),
          excluded.stream().map(l -> "label!=" + l)).collect(Collectors.joining(" "));
    }

    String key() {
      return kind.name().toLowerCase() + (all ? " all" : "") + (volumes ? " volumes" : "");
    }

    String describe(Instant cutoff) {
      String u = switch (until) {
        case NONE -> "";
        case INSTANT -> " until=" + cutoff;
        case DURATION_TO_CUTOFF -> " until=" + age.toMillis() + "ms ago (cutoff " + cutoff + ")";
        case LONG_DURATION -> " until=" + age.toMinutes() + "min ago";
      };
      return key() + " " + labelText() + u;
    }
  }

  // ---------------------------------------------------------------- what was made, listed, reported

  enum Kind {
    CONTAINER("container"), IMAGE("image"), VOLUME("volume"), NETWORK("network");

    final String word;

    Kind(String word) {
      this.word = word;
    }
  }

  /** An object as the round made it: relations and phase, which the listings do not show reliably. */
  private static final class Made {
    final Kind kind;
    final String key;
    final String what;
    final boolean late;
    final boolean decoy;
    boolean running;
    String image;
    String network;
    List<String> volumes = List.of();

    Made(Kind kind, String key, String what, boolean late, boolean decoy) {
      this.kind = kind;
      this.key = key;
      this.what = what;
      this.late = late;
      this.decoy = decoy;
    }
  }

  /** An object as the engine listed it. {@code image} is a container's image ID, bare. */
  private record Seen(Kind kind, String key, Map<String, String> labels, Set<String> tags, String image) {
  }

  /** The round's objects at one moment, by key. */
  private static final class Snapshot {
    final Map<String, Seen> containers = new LinkedHashMap<>();
    final Map<String, Seen> images = new LinkedHashMap<>();
    final Map<String, Seen> volumes = new LinkedHashMap<>();
    final Map<String, Seen> networks = new LinkedHashMap<>();

    Map<String, Seen> of(Kind kind) {
      return switch (kind) {
        case CONTAINER -> containers;
        case IMAGE -> images;
        case VOLUME -> volumes;
        case NETWORK -> networks;
      };
    }

    int size() {
      return containers.size() + images.size() + volumes.size() + networks.size();
    }
  }

  /** What a report says was removed, per kind, normalised as the listings are. */
  private static final class Reported {
    final Map<Kind, Set<String>> removed = new EnumMap<>(Kind.class);
    final Set<String> untagged = new HashSet<>();

    static Reported of(Object report, PruneKind kind) {
      Reported r = new Reported();
      for (Kind k : Kind.values()) {
        r.removed.put(k, new HashSet<>());
      }
      if (report instanceof SystemPruneReport s) {
        r.removed.get(Kind.CONTAINER).addAll(s.containers().deletedContainers());
        r.removed.get(Kind.NETWORK).addAll(s.networks().deletedNetworks());
        s.volumes().ifPresent(v -> r.removed.get(Kind.VOLUME).addAll(v.deletedVolumes()));
        r.images(s.images());
      } else if (report instanceof ImagePruneReport i) {
        r.images(i);
      } else if (report instanceof io.iechor.prune.report.PruneReport p) {
        Kind k = switch (kind) {
          case CONTAINERS -> Kind.CONTAINER;
          case VOLUMES -> Kind.VOLUME;
          default -> Kind.NETWORK;
        };
        r.removed.get(k).addAll(p.removed());
      }
      return r;
    }

    private void images(ImagePruneReport i) {
      i.deleted().forEach(id -> removed.get(Kind.IMAGE).add(bare(id)));
      i.untagged().forEach(t -> untagged.add(normaliseTag(t)));
    }

    Set<String> of(Kind kind) {
      return removed.get(kind);
    }
  }

  @FunctionalInterface
  private interface WithValue<S> {
    S apply(S step, String key, String value);
  }

  /** Totals per engine for the summary line. */
  private static final class Stats {
    int rounds;
    int created;
    int pruned;
    int refused;
    final Map<String, Integer> byKind = new TreeMap<>();

    void add(Round r) {
      rounds++;
      created += r.made.size();
      pruned += r.pruned;
      refused += r.refused ? 1 : 0;
      byKind.merge(r.spec.key(), 1, Integer::sum);
    }
  }

  // ---------------------------------------------------------------- small helpers

  /** An image ID without {@code sha256:}: Docker reports it with the prefix, Podman without. */
  static String bare(String id) {
    return id.startsWith("sha256:") ? id.substring(7) : id;
  }

  static String normaliseTag(String tag) {
    return tag.replaceFirst("^(docker\\.io/library/|docker\\.io/|localhost/)", "");
  }

  private static String shortId(String id) {
    return id.length() > 12 ? id.substring(0, 12) : id;
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting around the until cutoff", e);
    }
  }
}
