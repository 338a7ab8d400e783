package io.iechor.prune.testing;

import java.util.Optional;

/**
 * A command the harness ran (docker CLI, openssl, gcc, ...) could not be started, timed out, or
 * exited with a non-zero status. The message names the command and quotes its standard error.
 */
public final class CommandFailedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient CommandResult result;

    /** The command ran and exited with a non-zero status. */
    CommandFailedException(CommandResult result) {
        super("`" + String.join(" ", result.command()) + "` exited with status " + result.exitCode()
                + describe(result));
        this.result = result;
    }

    /** The command could not be started or did not finish in time. */
    CommandFailedException(String message, Throwable cause) {
        super(message, cause);
        this.result = null;
    }

    /** The finished command, or empty if it never ran to completion. */
    public Optional<CommandResult> result() {
        return Optional.ofNullable(result);
    }

    private static String describe(CommandResult result) {
        String stderr = result.stderr().strip();
        String stdout = result.stdout().strip();
        if (!stderr.isEmpty()) {
            return ": " + stderr;
        }
        // Some tools (tar, gcc wrappers) report errors on stdout only.
        return stdout.isEmpty() ? " and printed nothing" : "; stdout: " + stdout;
    }
}
