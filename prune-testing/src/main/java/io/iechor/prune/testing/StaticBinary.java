package io.iechor.prune.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The test images' only program ({@code sleeper.c}), compiled with {@code gcc -static} once per
 * JVM. There is no registry to pull a base image from, so the images are built from this binary.
 */
final class StaticBinary {

    private static Path compiled;

    private StaticBinary() {
    }

    /** The compiled binary; deleted when the JVM exits. */
    static synchronized Path sleeper() {
        if (compiled == null) {
            compiled = compile();
        }
        return compiled;
    }

    private static Path compile() {
        try {
            Path directory = Files.createTempDirectory("iechor-test-binary-");
            Path source = directory.resolve("sleeper.c");
            Path binary = directory.resolve("sleeper");
            // deleteOnExit runs in reverse order of registration: files first, then the directory.
            directory.toFile().deleteOnExit();
            source.toFile().deleteOnExit();
            binary.toFile().deleteOnExit();
            try (InputStream in = StaticBinary.class.getResourceAsStream("sleeper.c")) {
                if (in == null) {
                    throw new IllegalStateException("sleeper.c is missing from the prune-testing jar");
                }
                Files.copy(in, source);
            }
            Commands.run(List.of("gcc", "-static", "-Os", "-o", binary.toString(), source.toString())).orThrow();
            return binary;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
