package io.iechor.prune.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Writes a {@code docker save}-style archive by hand. {@code docker import} always stamps the
 * current time, but prune's {@code until} filter needs images that look old, and {@code docker
 * load} keeps whatever {@code created} the image config says.
 */
final class ImageArchive {

    /** The archive to load and the image ID it will get (the digest of its config). */
    record Written(Path archive, String imageId) {
    }

    private ImageArchive() {
    }

    /**
     * @param rootfs directory whose content becomes the single layer
     * @param labels {@code key=value} strings
     */
    static Written write(Path rootfs, Path into, String tag, Instant created, List<String> labels) {
        try {
            Path image = Files.createDirectories(into.resolve("image"));
            Path layer = Files.createDirectories(image.resolve("layer")).resolve("layer.tar");
            tar(rootfs, layer);
            String config = "{\"architecture\":\"amd64\",\"os\":\"linux\",\"created\":" + json(created.toString())
                    + ",\"config\":{\"Cmd\":[\"/sleeper\"],\"Labels\":{" + labelsJson(labels) + "}}"
                    + ",\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[" + json("sha256:" + sha256(layer)) + "]}"
                    + ",\"history\":[{\"created\":" + json(created.toString())
                    + ",\"created_by\":\"iechor-test: hand-made layer\"}]}";
            Path configFile = image.resolve("config.json");
            Files.writeString(configFile, config);
            String configDigest = sha256(configFile);
            Files.writeString(image.resolve("manifest.json"), "[{\"Config\":\"config.json\",\"RepoTags\":["
                    + json(tag) + "],\"Layers\":[\"layer/layer.tar\"]}]");
            Path archive = into.resolve("image.tar");
            tar(image, archive);
            return new Written(archive, "sha256:" + configDigest);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Archives the content of {@code directory} (not the directory itself) with the tar CLI. */
    static void tar(Path directory, Path archive) {
        Commands.run(List.of("tar", "-C", directory.toString(), "-cf", archive.toString(), ".")).orThrow();
    }

    private static String labelsJson(List<String> labels) {
        return labels.stream()
                .map(label -> json(label.substring(0, label.indexOf('='))) + ":"
                        + json(label.substring(label.indexOf('=') + 1)))
                .collect(Collectors.joining(","));
    }

    private static String json(String value) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }

    private static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[65536];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                digest.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
