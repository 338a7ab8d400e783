package io.iechor.prune.testing;

import java.util.function.Supplier;

/** One engine per JVM, started on first use and stopped by a shutdown hook. */
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
        engine.markShared();
        TestEngine started = engine;
        Runtime.getRuntime().addShutdownHook(new Thread(started::shutdown, "iechor-test-engine-stop"));
        return engine;
    }
}
