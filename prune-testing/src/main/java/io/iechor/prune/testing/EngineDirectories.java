package io.iechor.prune.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/** Small helpers shared by the engine launchers. */
final class EngineDirectories {

    private EngineDirectories() {
    }

    /**
     * A fresh directory for one engine. The parent should be short: the engine puts unix sockets
     * below it, and a socket path must fit in 108 bytes.
     */
    static Path create(Path parent, String prefix) {
        try {
            Files.createDirectories(parent);
            return Files.createTempDirectory(parent, prefix);
        } catch (IOException e) {
            throw new EngineStartException("cannot create an engine directory under " + parent, e);
        }
    }

    static Path mkdirs(Path directory) {
        try {
            return Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path write(Path file, String content) {
        try {
            return Files.writeString(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A TCP port on the loopback interface that was free a moment ago. The engine binds it a little
     * later, so another process may take it first; the launcher retries with a new port then.
     */
    static int freeLoopbackPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Polls {@code /_ping} on {@code socket} until it answers OK.
     *
     * @throws EngineStartException with the tail of the engine log if the process exits first or
     *                              the timeout passes
     */
    static Ping.Response awaitPing(DaemonProcess daemon, Path socket, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Optional<Ping.Response> answer = Ping.unix(socket, Duration.ofSeconds(2));
            if (answer.isPresent() && answer.get().ok()) {
                return answer.get();
            }
            if (!daemon.isAlive()) {
                throw new EngineStartException("the engine (pid " + daemon.pid() + ") exited before answering /_ping on unix://"
                        + socket + ". Last lines of " + daemon.log() + ":\n" + daemon.logTail(40));
            }
            if (System.nanoTime() > deadline) {
                throw new EngineStartException("the engine (pid " + daemon.pid() + ") did not answer /_ping on unix://"
                        + socket + " within " + timeout.toSeconds() + " s"
                        + answer.map(a -> " (last answer: HTTP " + a.status() + ")").orElse("")
                        + ". Last lines of " + daemon.log() + ":\n" + daemon.logTail(40));
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new EngineStartException("interrupted while waiting for the engine to start", e);
            }
        }
    }
}
