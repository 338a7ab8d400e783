package io.iechor.prune.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/** Runs short-lived external commands and captures their output. */
final class Commands {

    /** Generous: a cold {@code docker load} or {@code gcc -static} on a loaded CI VM can be slow. */
    static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(2);

    // Output is drained on separate threads so a chatty command cannot block on a full pipe.
    private static final ExecutorService DRAINERS = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "iechor-test-command-output");
        thread.setDaemon(true);
        return thread;
    });

    private Commands() {
    }

    static CommandResult run(List<String> command) {
        return run(command, env -> { }, DEFAULT_TIMEOUT);
    }

    /**
     * Runs {@code command} to completion with an empty standard input.
     *
     * @param environment edits the inherited environment before the start
     * @throws CommandFailedException if it cannot be started or outlives {@code timeout}; a
     *                                non-zero exit is reported in the result, not thrown
     */
    static CommandResult run(List<String> command, Consumer<Map<String, String>> environment,
                             Duration timeout) {
        ProcessBuilder builder = new ProcessBuilder(command);
        environment.accept(builder.environment());
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new CommandFailedException("cannot run `" + String.join(" ", command) + "`: "
                    + e.getMessage() + hintFor(command.get(0)), e);
        }
        try {
            process.getOutputStream().close();
            CompletableFuture<String> stdout = drain(process.getInputStream());
            CompletableFuture<String> stderr = drain(process.getErrorStream());
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new CommandFailedException("`" + String.join(" ", command) + "` did not finish within "
                        + timeout.toSeconds() + " s and was killed", null);
            }
            return new CommandResult(command, process.exitValue(), stdout.join(), stderr.join());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new CommandFailedException("interrupted while running `" + String.join(" ", command) + "`", e);
        }
    }

    private static CompletableFuture<String> drain(InputStream stream) {
        return CompletableFuture.supplyAsync(() -> {
            try (stream) {
                return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, DRAINERS);
    }

    private static String hintFor(String executable) {
        String name = executable.substring(executable.lastIndexOf('/') + 1);
        return switch (name) {
            case "dockerd", "docker" -> " (install it with `apt-get install -y docker.io`)";
            case "podman" -> " (install it with `apt-get install -y podman`)";
            case "gcc" -> " (install it with `apt-get install -y gcc`; it builds the test image's binary)";
            case "openssl" -> " (install it with `apt-get install -y openssl`; it makes the TLS certificates)";
            default -> "";
        };
    }
}
