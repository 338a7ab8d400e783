package io.iechor.prune.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** A long-running engine process (dockerd, podman service) that the harness started itself. */
final class DaemonProcess {

    private final String name;
    private final Process process;
    private final Path log;

    private DaemonProcess(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        this.log = log;
    }

    /** Starts {@code command} with stdout and stderr going to {@code log} and stdin closed. */
    static DaemonProcess start(List<String> command, Map<String, String> extraEnvironment, Path log) {
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
        builder.environment().putAll(extraEnvironment);
        try {
            return new DaemonProcess(command.get(0), builder.start(), log);
        } catch (IOException e) {
            throw new EngineStartException("cannot start `" + String.join(" ", command) + "`: " + e.getMessage()
                    + " (is it installed? `apt-get install -y docker.io podman`)", e);
        }
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    Path log() {
        return log;
    }

    /** The last {@code count} lines of the log, for error messages. */
    String logTail(int count) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - count), lines.size()));
        } catch (IOException e) {
            return "(cannot read " + log + ": " + e.getMessage() + ")";
        }
    }

    /**
     * SIGTERM, wait up to {@code grace}, then SIGKILL. Children it leaves behind (dockerd's
     * supervised containerd) are stopped the same way, since a killed daemon cannot reap them.
     *
     * @return a description of what it took, for the log
     */
    String stop(Duration grace) {
        if (!process.isAlive()) {
            return name + " (pid " + pid() + ") had already exited with status " + process.exitValue();
        }
        List<ProcessHandle> children = process.descendants().toList();
        long start = System.nanoTime();
        process.destroy();
        boolean graceful = waitFor(process.toHandle(), grace);
        if (!graceful) {
            process.destroyForcibly();
            waitFor(process.toHandle(), Duration.ofSeconds(10));
        }
        for (ProcessHandle child : children) {
            if (child.isAlive()) {
                child.destroy();
                if (!waitFor(child, Duration.ofSeconds(5))) {
                    child.destroyForcibly();
                }
            }
        }
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        return name + " (pid " + pid() + ") " + (graceful ? "stopped by SIGTERM" : "killed by SIGKILL")
                + " after " + millis + " ms";
    }

    private static boolean waitFor(ProcessHandle handle, Duration timeout) {
        try {
            handle.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (java.util.concurrent.TimeoutException e) {
            return false;
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !handle.isAlive();
        }
    }
}
