package io.iechor.prune.testing;

import java.util.function.Supplier;

/** One engine per JVM, started on first use and stopped when the JVM exits. */
final class SharedEngine {

    private final Supplier<TestEngine> starter;
    private TestEngine engine;
    private RuntimeException failure;

    SharedEngine(Supplier<TestEngine> starter) {
        this.starter = starter;
    }

    synchronized TestEngine get() {
        if (engine != null) {
            return engine;
        }
        if (failure != null) {
            // Do not retry for every test class: the first failure says what is wrong.
            throw new EngineStartException("the shared test engine failed to start earlier in this JVM: "
                    + failure.getMessage(), failure);
        }
        try {
            engine = starter.get();
        } catch (RuntimeException e) {
            failure = e;
            throw e;
        }
        // Tests must not stop it for the others; its exit hook stops it when the JVM ends.
        engine.markShared();
        return engine;
    }
}
