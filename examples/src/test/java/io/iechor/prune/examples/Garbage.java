package io.iechor.prune.examples;

import io.iechor.prune.testing.Fixtures;
import io.iechor.prune.testing.TestEngine;
import java.time.Instant;

/**
 * A known mix of used, unused and {@code keep}-labelled objects on a freshly emptied engine, made
 * through the docker CLI, for the real-engine tests to prune and then check what went and what
 * stayed. All names are fixed: the engine is private ({@link PrivateEngine}).
 *
 * <ul>
 *   <li>images: {@link #APP} used by every container; {@link #TOOL} tagged but unused;
 *       {@link #danglingImage} untagged; {@link #KEPT} unused and labelled {@code keep};
 *       {@link #OLD} unused and built in 2020 (the only one older than 24 hours);</li>
 *   <li>containers: {@link #running} (on {@link #USED_NETWORK}, mounting {@link #USED_VOLUME}),
 *       {@link #exited} (mounting {@link #STOPPED_VOLUME}), {@link #created} (never started),
 *       {@link #keptContainer} (exited, labelled {@code keep});</li>
 *   <li>volumes: {@link #USED_VOLUME}, {@link #STOPPED_VOLUME}, unused {@link #NAMED_VOLUME},
 *       {@link #anonymousVolume} and {@link #KEPT_VOLUME} (labelled {@code keep});</li>
 *   <li>networks: {@link #USED_NETWORK}, unused {@link #UNUSED_NETWORK} and {@link #KEPT_NETWORK}
 *       (labelled {@code keep}).</li>
 * </ul>
 */
public final class Garbage {
  public static final String APP = "demo/app:1";
  public static final String TOOL = "demo/tool:1";
  public static final String KEPT = "demo/kept:1";
  public static final String OLD = "demo/old:1";
  public static final String USED_VOLUME = "used-vol";
  public static final String STOPPED_VOLUME = "stopped-vol";
  public static final String NAMED_VOLUME = "named-vol";
  public static final String KEPT_VOLUME = "kept-vol";
  public static final String USED_NETWORK = "used-net";
  public static final String UNUSED_NETWORK = "unused-net";
  public static final String KEPT_NETWORK = "kept-net";
  public static final String KEEP = "keep=true";

  public final String appImage;
  public final String danglingImage;
  public final String toolImage;
  public final String keptImage;
  public final String oldImage;
  public final String running;
  public final String exited;
  public final String created;
  public final String keptContainer;
  public final String anonymousVolume;

  private Garbage(Fixtures fx) {
    appImage = fx.image(APP);
    danglingImage = fx.danglingImage(TOOL);
    toolImage = fx.imageIds("reference=" + TOOL).iterator().next();
    keptImage = fx.image(KEPT, KEEP);
    oldImage = fx.oldImage(OLD, Instant.parse("2020-01-01T00:00:00Z"));
    fx.network(USED_NETWORK);
    fx.network(UNUSED_NETWORK);
    fx.network(KEPT_NETWORK, KEEP);
    fx.volume(NAMED_VOLUME);
    fx.volume(KEPT_VOLUME, KEEP);
    anonymousVolume = fx.anonymousVolume();
    running = fx.container("running").fromImage(APP).onNetwork(USED_NETWORK).withVolume(USED_VOLUME, "/data")
        .running();
    exited = fx.container("exited").fromImage(APP).withVolume(STOPPED_VOLUME, "/data").exited();
    created = fx.container("created").fromImage(APP).created();
    keptContainer = fx.container("kept").fromImage(APP).withLabels(KEEP).exited();
  }

  /** Whether {@code engine} removes named volumes in a volume prune without {@code -a} (API below 1.42). */
  public static boolean namedVolumesGoByDefault(TestEngine engine) {
    String[] v = engine.apiVersion().split("\\.");
    return Integer.parseInt(v[0]) == 1 && Integer.parseInt(v[1]) < 42;
  }

  /** Empties the engine, build cache included, then makes the objects listed above. */
  public static Garbage create(TestEngine engine) {
    empty(engine);
    return new Garbage(engine.fixtures());
  }

  /** Removes everything the fixtures made, and all build cache. */
  public static void empty(TestEngine engine) {
    engine.fixtures().removeRunObjects();
    engine.cli().run("builder", "prune", "--all", "--force");
  }
}
