package io.iechor.prune.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Removes what a stopped engine can leave on the host: mounts, bridge interfaces, its directory. */
final class HostCleanup {

    private static final Path MOUNT_INFO = Path.of("/proc/self/mountinfo");

    private HostCleanup() {
    }

    /**
     * Unmounts everything mounted at or below {@code directory}, deepest first. dockerd normally
     * cleans up after itself, but a daemon that failed early leaves its data root bind-mounted, and
     * podman leaves its overlay home mounted after the service exits.
     */
    static void unmountUnder(Path directory) {
        // Stacked mounts show up once per layer, so repeat until nothing is left.
        for (int round = 0; round < 5; round++) {
            List<Path> mounts = mountsUnder(directory);
            if (mounts.isEmpty()) {
                return;
            }
            for (Path mount : mounts) {
                if (!Commands.run(List.of("umount", mount.toString())).succeeded()) {
                    // Busy (e.g. a leftover process still has it open): detach it instead.
                    Commands.run(List.of("umount", "-l", mount.toString())).orThrow();
                }
            }
        }
        List<Path> left = mountsUnder(directory);
        if (!left.isEmpty()) {
            throw new IllegalStateException("still mounted after unmounting: " + left);
        }
    }

    static List<Path> mountsUnder(Path directory) {
        List<String> lines;
        try {
            lines = Files.readAllLines(MOUNT_INFO);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Path> mounts = new ArrayList<>();
        for (String line : lines) {
            // Field 5 is the mount point, with space, tab, newline and backslash octal-escaped.
            Path mount = Path.of(unescape(line.split(" ")[4]));
            if (mount.startsWith(directory)) {
                mounts.add(mount);
            }
        }
        mounts.sort(Comparator.comparingInt(Path::getNameCount).reversed());
        return mounts;
    }

    /**
     * Deletes a host network interface left by a stopped engine. dockerd creates one bridge per
     * user network and does not delete it on shutdown, so each test engine would leak some.
     */
    static void deleteInterface(String name) {
        if (Files.exists(Path.of("/sys/class/net", name))) {
            Commands.run(List.of("ip", "link", "delete", name)).orThrow();
        }
    }

    /** Deletes {@code directory} and everything in it, without following symbolic links. */
    static void deleteRecursively(Path directory) {
        if (!Files.exists(directory)) {
            return;
        }
        try {
            Files.walkFileTree(directory, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.deleteIfExists(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                    if (e instanceof NoSuchFileException) {
                        return FileVisitResult.CONTINUE;
                    }
                    throw e;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                    if (e != null && !(e instanceof NoSuchFileException)) {
                        throw e;
                    }
                    Files.deleteIfExists(dir);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + directory, e);
        }
    }

    private static String unescape(String field) {
        StringBuilder out = new StringBuilder(field.length());
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            if (c == '\\' && i + 3 < field.length()) {
                out.append((char) Integer.parseInt(field.substring(i + 1, i + 4), 8));
                i += 3;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
