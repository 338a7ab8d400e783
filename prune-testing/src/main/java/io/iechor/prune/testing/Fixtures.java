package io.iechor.prune.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Makes engine objects for tests and lists what is there, through the docker CLI.
 *
 * <pre>{@code
 * Fixtures fx = TestEngine.shared().fixtures();
 * String dangling = fx.danglingImage(fx.name("app") + ":1", "env=ci");
 * fx.container(fx.name("done")).withLabel("env", "ci").exited();
 * String volume = fx.volume(fx.name("data"), "keep=true");
 * }</pre>
 *
 * <p>Every object made here carries {@link TestEngine#runLabel()}, so a test on an engine shared
 * with others can scope its prunes by it. Labels are given as {@code key=value} strings. The
 * listing methods take optional {@code docker ... --filter} values, such as
 * {@code "label=" + engine.runLabel()}. Thread-safe.
 */
public final class Fixtures {

    private final DockerCli cli;
    private final String runLabel;
    private final String runId;
    private final Path scratch;
    private final boolean podman;
    private final AtomicLong counter = new AtomicLong();
    private String baseImage;

    Fixtures(DockerCli cli, String runLabel, String runId, Path scratch, boolean podman) {
        this.cli = cli;
        this.runLabel = runLabel;
        this.runId = runId;
        this.scratch = scratch;
        this.podman = podman;
    }

    DockerCli cli() {
        return cli;
    }

    String runLabel() {
        return runLabel;
    }

    /** A name unique to this run, e.g. {@code prefix-1a2b3c4d-7}, for objects on a shared engine. */
    public String name(String prefix) {
        return prefix + "-" + runId.substring(0, 8) + "-" + counter.incrementAndGet();
    }

    // ---- images ---------------------------------------------------------------------------

    /** The tag of the image containers are made from by default, imported on first use. */
    public synchronized String baseImage() {
        if (baseImage == null) {
            String tag = "iechor-test/base:" + runId.substring(0, 8);
            image(tag);
            baseImage = tag;
        }
        return baseImage;
    }

    /**
     * Imports a new image, different from every other one, as {@code tag} (moving the tag if it
     * exists). Its only program is {@code /sleeper}, also its {@code CMD}.
     *
     * @param labels {@code key=value} labels besides the run label
     * @return the image ID, {@code sha256:...}
     */
    public String image(String tag, String... labels) {
        List<String> args = new ArrayList<>(List.of("import", "--change", "CMD [\"/sleeper\"]",
                "--change", "LABEL " + runLabel));
        // One LABEL per --change: podman reads "LABEL a=1 b=2" as the single label a="1 b=2".
        for (String label : Labels.check(labels)) {
            args.add("--change");
            args.add("LABEL " + label);
        }
        Path work = workDirectory("import");
        try {
            Path archive = work.resolve("rootfs.tar");
            ImageArchive.tar(rootfs(work.resolve("rootfs"), tag), archive);
            args.add(archive.toString());
            args.add(tag);
            cli.run(args.toArray(String[]::new));
        } finally {
            HostCleanup.deleteRecursively(work);
        }
        // Read the ID back: the import output differs between engines (podman prints it twice).
        return cli.run("image", "inspect", "--format", "{{.Id}}", tag);
    }

    /**
     * Makes a dangling image: imports an image as {@code tag}, then imports another one onto the
     * same tag. Both have {@code labels}.
     *
     * @return the ID of the first image, now untagged
     */
    public String danglingImage(String tag, String... labels) {
        String first = image(tag, labels);
        image(tag, labels);
        return first;
    }

    /**
     * Loads an image whose config says it was created at {@code created}, for {@code until}
     * filters. Podman lists such images as {@code localhost/<tag>}.
     *
     * @return the image ID, {@code sha256:...}
     */
    public String oldImage(String tag, Instant created, String... labels) {
        List<String> all = new ArrayList<>();
        all.add(runLabel);
        all.addAll(Labels.check(labels));
        Path work = workDirectory("load");
        try {
            ImageArchive.Written written = ImageArchive.write(rootfs(work.resolve("rootfs"), tag), work, tag,
                    created, all);
            cli.run("load", "--quiet", "--input", written.archive().toString());
            return written.imageId();
        } finally {
            HostCleanup.deleteRecursively(work);
        }
    }

    /**
     * Builds an image with BuildKit, which leaves build cache records behind ({@code FROM scratch}
     * plus two {@code COPY}s). Needs a docker CLI that can talk BuildKit to the engine: one older
     * than 23.0 (such as Debian's {@code /usr/bin/docker} 20.10), or one with the buildx plugin.
     *
     * @return the built image's ID
     * @throws UnsupportedOperationException on podman, whose compat API builds with buildah and
     *                                       keeps no build cache records
     */
    public String buildWithCache(String tag) {
        if (podman) {
            throw new UnsupportedOperationException("podman keeps no BuildKit build cache to seed");
        }
        Path context = workDirectory("build");
        try {
            copySleeper(context);
            // A fresh stamp makes a new cache record each time, instead of a cache hit.
            Files.writeString(context.resolve("stamp"), runId + "-" + System.nanoTime() + "\n");
            Files.writeString(context.resolve("Dockerfile"),
                    "FROM scratch\nCOPY sleeper /sleeper\nCOPY stamp /stamp\nCMD [\"/sleeper\"]\n");
            buildKitCli().run("build", "--quiet", "--label", runLabel, "--tag", tag, context.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            HostCleanup.deleteRecursively(context);
        }
        return cli.run("image", "inspect", "--format", "{{.Id}}", tag);
    }

    // ---- containers, volumes, networks ----------------------------------------------------------

    /** Starts describing a container named {@code name}; see {@link ContainerFixture}. */
    public ContainerFixture container(String name) {
        return new ContainerFixture(this, name, null, List.of(), null, List.of());
    }

    /** Creates a named volume. Returns its name. */
    public String volume(String name, String... labels) {
        return cli.run(withLabels(List.of("volume", "create"), labels, name));
    }

    /** Creates a volume without a name; the engine names it. Returns that name. */
    public String anonymousVolume(String... labels) {
        return cli.run(withLabels(List.of("volume", "create"), labels, null));
    }

    /** Creates a bridge network. Returns its ID. */
    public String network(String name, String... labels) {
        return cli.run(withLabels(List.of("network", "create"), labels, name));
    }

    // ---- what is there ------------------------------------------------------------------------

    /** Names of all containers, running or not. */
    public Set<String> containerNames(String... filters) {
        return set(filtered(List.of("container", "ls", "--all", "--format", "{{.Names}}"), filters));
    }

    /** Full IDs of all containers, running or not. */
    public Set<String> containerIds(String... filters) {
        return set(filtered(List.of("container", "ls", "--all", "--quiet", "--no-trunc"), filters));
    }

    /**
     * Tags of all images as {@code repository:tag}, without {@code <none>} entries. Registry
     * prefixes that podman adds ({@code docker.io/}, {@code localhost/}) are removed.
     */
    public Set<String> imageTags(String... filters) {
        Set<String> tags = new TreeSet<>();
        for (String tag : filtered(List.of("image", "ls", "--format", "{{.Repository}}:{{.Tag}}"), filters)) {
            if (!tag.contains("<none>")) {
                tags.add(tag.replaceFirst("^(docker\\.io/library/|docker\\.io/|localhost/)", ""));
            }
        }
        return Collections.unmodifiableSet(tags);
    }

    /** IDs ({@code sha256:...}) of all images, dangling and intermediate ones included. */
    public Set<String> imageIds(String... filters) {
        return set(filtered(List.of("image", "ls", "--all", "--quiet", "--no-trunc"), filters));
    }

    /** Names of all volumes. */
    public Set<String> volumeNames(String... filters) {
        return set(filtered(List.of("volume", "ls", "--quiet"), filters));
    }

    /** Names of all networks, the built-in ones ({@code none}, {@code host}) included. */
    public Set<String> networkNames(String... filters) {
        return set(filtered(List.of("network", "ls", "--format", "{{.Name}}"), filters));
    }

    /** How many build cache records {@code docker system df} reports; 0 if it reports none. */
    public int buildCacheRecords() {
        for (String line : cli.lines("system", "df", "--format", "{{.Type}}|{{.TotalCount}}")) {
            if (line.startsWith("Build Cache|")) {
                return Integer.parseInt(line.substring(line.indexOf('|') + 1).trim());
            }
        }
        return 0;
    }

    /** Whether a container with this name or ID exists. */
    public boolean containerExists(String nameOrId) {
        return cli.succeeds("container", "inspect", "--format", "{{.Id}}", nameOrId);
    }

    /** Whether an image with this reference or ID exists. */
    public boolean imageExists(String referenceOrId) {
        return cli.succeeds("image", "inspect", "--format", "{{.Id}}", referenceOrId);
    }

    /** Whether a volume with this name exists. */
    public boolean volumeExists(String name) {
        return cli.succeeds("volume", "inspect", "--format", "{{.Name}}", name);
    }

    /** Whether a network with this name or ID exists. */
    public boolean networkExists(String nameOrId) {
        return cli.succeeds("network", "inspect", "--format", "{{.Id}}", nameOrId);
    }

    /**
     * Removes every container (with its anonymous volumes), network, volume and image that carries
     * this run's label. Build cache records carry no labels and stay.
     */
    public void removeRunObjects() {
        String filter = "label=" + runLabel;
        removeAll(List.of("container", "rm", "--force", "--volumes"), "container", "ls", "--all", "--quiet",
                "--filter", filter);
        removeAll(List.of("network", "rm"), "network", "ls", "--quiet", "--filter", filter);
        removeAll(List.of("volume", "rm", "--force"), "volume", "ls", "--quiet", "--filter", filter);
        removeAll(List.of("image", "rm", "--force"), "image", "ls", "--all", "--quiet", "--no-trunc",
                "--filter", filter);
    }

    // ---- helpers ------------------------------------------------------------------------------

    private void removeAll(List<String> remove, String... list) {
        Set<String> ids = set(cli.lines(list));
        if (!ids.isEmpty()) {
            List<String> args = new ArrayList<>(remove);
            args.addAll(ids);
            cli.run(args.toArray(String[]::new));
        }
    }

    private List<String> filtered(List<String> args, String... filters) {
        List<String> all = new ArrayList<>(args);
        for (String filter : filters) {
            all.add("--filter");
            all.add(filter);
        }
        return cli.lines(all.toArray(String[]::new));
    }

    private String[] withLabels(List<String> command, String[] labels, String name) {
        List<String> args = new ArrayList<>(command);
        args.add("--label");
        args.add(runLabel);
        for (String label : Labels.check(labels)) {
            args.add("--label");
            args.add(label);
        }
        if (name != null) {
            args.add(name);
        }
        return args.toArray(String[]::new);
    }

    /** A root file system holding the sleeper and a file that makes the image unique. */
    private Path rootfs(Path directory, String tag) {
        try {
            Files.createDirectories(directory);
            copySleeper(directory);
            Files.writeString(directory.resolve("id"), tag + " " + runId + " " + counter.incrementAndGet() + " "
                    + System.nanoTime() + "\n");
            return directory;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void copySleeper(Path directory) throws IOException {
        Path target = directory.resolve("sleeper");
        Files.copy(StaticBinary.sleeper(), target);
        target.toFile().setExecutable(true, false);
    }

    private Path workDirectory(String prefix) {
        try {
            return Files.createTempDirectory(Files.createDirectories(scratch), prefix + "-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The 20.10 CLI has a BuildKit client built in; 23.0 and later need the buildx plugin. */
    private DockerCli buildKitCli() {
        List<String> tried = new ArrayList<>();
        for (String executable : new TreeSet<>(List.of(cli.executable(), "/usr/bin/docker"))) {
            DockerCli candidate = cli.withExecutable(executable).withEnvironment("DOCKER_BUILDKIT", "1");
            try {
                String version = candidate.run("version", "--format", "{{.Client.Version}}");
                if (Integer.parseInt(version.split("\\.")[0]) < 23 || candidate.succeeds("buildx", "version")) {
                    return candidate;
                }
                tried.add(executable + " " + version + " (no buildx plugin)");
            } catch (CommandFailedException | NumberFormatException e) {
                tried.add(executable + " (" + e.getMessage() + ")");
            }
        }
        throw new UnsupportedOperationException("no docker CLI here can build with BuildKit; tried " + tried
                + ". Install Debian's docker.io (its /usr/bin/docker 20.10 has BuildKit built in) or buildx.");
    }

    private static Set<String> set(List<String> lines) {
        return Collections.unmodifiableSet(new TreeSet<>(lines));
    }
}
