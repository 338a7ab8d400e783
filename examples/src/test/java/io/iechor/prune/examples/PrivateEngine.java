package io.iechor.prune.examples;

import io.iechor.prune.testing.TestEngine;

/**
 * The private dockerd every real-engine test of this module runs against, started once per JVM
 * and stopped when it exits.
 *
 * <p>Not {@link TestEngine#shared()}: that may be an existing engine ({@code IECHOR_TEST_HOST}),
 * and the guide's commands are typed word for word, without a label to scope them, so they would
 * remove other people's objects there. A missing {@code dockerd} fails the tests; it never skips them.
 */
public final class PrivateEngine {
  private static TestEngine engine;
  private static RuntimeException failure;

  private PrivateEngine() {
  }

  /** The engine, started on first use. */
  public static synchronized TestEngine get() {
    if (engine != null) {
      return engine;
    }
    if (failure != null) {
      throw new IllegalStateException("the private engine failed to start earlier: " + failure.getMessage(), failure);
    }
    try {
      engine = TestEngine.startDocker();
    } catch (RuntimeException e) {
      failure = e;
      throw e;
    }
    TestEngine started = engine;
    Runtime.getRuntime().addShutdownHook(new Thread(started::close, "stop-private-engine"));
    return engine;
  }
}
