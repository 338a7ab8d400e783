package io.iechor.prune.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * {@code GET /_ping} over a unix socket with the JDK alone, so waiting for an engine does not
 * depend on the library under test or on curl.
 */
final class Ping {

    // A blocking channel has no read timeout; closing it from this timer unblocks the reader.
    private static final ScheduledExecutorService WATCHDOG = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "iechor-test-ping-watchdog");
        thread.setDaemon(true);
        return thread;
    });

    /** The parts of a ping answer the harness uses; header names are lower case. */
    record Response(int status, Map<String, String> headers, String body) {

        boolean ok() {
            return status == 200 && body.strip().equals("OK");
        }

        Optional<String> header(String name) {
            return Optional.ofNullable(headers.get(name.toLowerCase(Locale.ROOT)));
        }

        /** Podman answers with {@code Libpod-Api-Version} and {@code Server: Libpod/...}. */
        boolean fromPodman() {
            return header("libpod-api-version").isPresent()
                    || header("server").map(server -> server.startsWith("Libpod")).orElse(false);
        }
    }

    private Ping() {
    }

    /** Pings once; empty if the socket does not exist yet, refuses, or does not answer in time. */
    static Optional<Response> unix(Path socket, Duration timeout) {
        try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            ScheduledFuture<?> guard = WATCHDOG.schedule(() -> closeQuietly(channel),
                    timeout.toMillis(), TimeUnit.MILLISECONDS);
            try {
                channel.connect(UnixDomainSocketAddress.of(socket));
                // HTTP/1.0 makes the engine close the connection after the answer, so EOF ends it.
                channel.write(ByteBuffer.wrap("GET /_ping HTTP/1.0\r\nHost: engine\r\n\r\n"
                        .getBytes(StandardCharsets.US_ASCII)));
                return Optional.of(parse(readAll(channel)));
            } finally {
                guard.cancel(false);
            }
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static String readAll(SocketChannel channel) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteBuffer buffer = ByteBuffer.allocate(4096);
        while (channel.read(buffer) >= 0) {
            out.write(buffer.array(), 0, buffer.position());
            buffer.clear();
        }
        return out.toString(StandardCharsets.ISO_8859_1);
    }

    private static Response parse(String raw) {
        int split = raw.indexOf("\r\n\r\n");
        if (split < 0) {
            throw new IllegalArgumentException("incomplete HTTP response");
        }
        String[] head = raw.substring(0, split).split("\r\n");
        int status = Integer.parseInt(head[0].split(" ")[1]);
        Map<String, String> headers = new HashMap<>();
        for (int i = 1; i < head.length; i++) {
            int colon = head[i].indexOf(':');
            if (colon > 0) {
                headers.put(head[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
                        head[i].substring(colon + 1).trim());
            }
        }
        return new Response(status, Map.copyOf(headers), raw.substring(split + 4));
    }

    private static void closeQuietly(SocketChannel channel) {
        try {
            channel.close();
        } catch (IOException ignored) {
            // Only used to unblock a stuck read; nothing to report.
        }
    }
}
