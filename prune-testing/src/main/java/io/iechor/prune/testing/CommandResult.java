package io.iechor.prune.testing;

import java.util.List;
import java.util.Objects;

/**
 * What a finished command printed and how it exited.
 *
 * @param command  the command line that ran, executable first
 * @param exitCode the process exit status
 * @param stdout   everything written to standard output
 * @param stderr   everything written to standard error
 */
public record CommandResult(List<String> command, int exitCode, String stdout, String stderr) {

    /** Copies the command line and rejects null output. */
    public CommandResult {
        command = List.copyOf(command);
        Objects.requireNonNull(stdout, "stdout");
        Objects.requireNonNull(stderr, "stderr");
    }

    /** Whether the command exited with status 0. */
    public boolean succeeded() {
        return exitCode == 0;
    }

    /**
     * Returns this result if the command succeeded.
     *
     * @throws CommandFailedException with the exit status and standard error otherwise
     */
    public CommandResult orThrow() {
        if (!succeeded()) {
            throw new CommandFailedException(this);
        }
        return this;
    }

    /** Standard output split into non-blank, trimmed lines. */
    public List<String> lines() {
        return stdout.lines().map(String::trim).filter(line -> !line.isEmpty()).toList();
    }
}
