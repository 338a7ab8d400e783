package io.iechor.prune.testing;

/**
 * A test engine could not be started. The message says which binary and endpoint were tried and
 * quotes the end of the engine's log, so a CI failure can be diagnosed from the test report alone.
 *
 * <p>The harness always throws this instead of skipping tests: an engine that does not start is
 * a broken test environment, and on CI it must fail the build.
 */
public final class EngineStartException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    EngineStartException(String message) {
        super(message);
    }

    EngineStartException(String message, Throwable cause) {
        super(message, cause);
    }
}
