package io.iechor.prune.testing;

/** How a {@link TestEngine} was obtained, and so how it must be shut down. */
interface EngineBackend {

    /** Stops the engine if the harness started it and removes what it left on the host. */
    void shutdown(TestEngine engine);

    /** The end of the engine's log, or a note that there is none. */
    String logTail(int lines);

    /** Throws {@link RuntimeException}s after all steps ran, so one failure does not skip the rest. */
    static void runAll(Runnable... steps) {
        RuntimeException first = null;
        for (Runnable step : steps) {
            try {
                step.run();
            } catch (RuntimeException e) {
                if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }
}
