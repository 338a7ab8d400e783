package io.iechor.prune.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A container to create, described fluently and created by one of {@link #created()},
 * {@link #exited()} or {@link #running()}. Immutable: every {@code with...} call returns a new
 * value, so a partly described container can be reused as a template.
 *
 * <pre>{@code
 * String id = fixtures.container("web").withLabel("env", "ci").withVolume("data", "/data").exited();
 * }</pre>
 *
 * <p>Unless {@link #onNetwork} says otherwise the container gets {@code --network none}: a private
 * dockerd runs with {@code --bridge=none}, so it has no default bridge network. Every container
 * carries the run label, and also inherits the labels of its image.
 */
public final class ContainerFixture {

    /** How long a "running" container sleeps: longer than any test run. */
    private static final String RUNNING_SECONDS = "86400";

    private final Fixtures fixtures;
    private final String name;
    private final String image;
    private final List<String> labels;
    private final String network;
    private final List<String> volumes;

    ContainerFixture(Fixtures fixtures, String name, String image, List<String> labels, String network,
                     List<String> volumes) {
        this.fixtures = fixtures;
        this.name = Objects.requireNonNull(name, "name");
        this.image = image;
        this.labels = List.copyOf(labels);
        this.network = network;
        this.volumes = List.copyOf(volumes);
    }

    /** Adds the label {@code key=value}. */
    public ContainerFixture withLabel(String key, String value) {
        return withLabels(key + "=" + value);
    }

    /** Adds labels given as {@code key=value}. */
    public ContainerFixture withLabels(String... keyValues) {
        List<String> more = new ArrayList<>(labels);
        more.addAll(Labels.check(keyValues));
        return new ContainerFixture(fixtures, name, image, more, network, volumes);
    }

    /** Connects the container to {@code networkName} instead of {@code none}. */
    public ContainerFixture onNetwork(String networkName) {
        return new ContainerFixture(fixtures, name, image, labels, Objects.requireNonNull(networkName), volumes);
    }

    /**
     * Mounts the named volume at {@code containerPath}. Create it with {@link Fixtures#volume} first:
     * a volume the engine creates on the fly carries no labels, so the run cannot find it later.
     */
    public ContainerFixture withVolume(String volumeName, String containerPath) {
        List<String> more = new ArrayList<>(volumes);
        more.add(volumeName + ":" + containerPath);
        return new ContainerFixture(fixtures, name, image, labels, network, more);
    }

    /**
     * Uses another image than {@link Fixtures#baseImage()}; it must contain {@code /sleeper}, as
     * all images made by {@link Fixtures} do.
     */
    public ContainerFixture fromImage(String imageReference) {
        return new ContainerFixture(fixtures, name, Objects.requireNonNull(imageReference), labels, network, volumes);
    }

    /** Creates the container and never starts it. Returns its full ID. */
    public String created() {
        return fixtures.cli().run(createArguments());
    }

    /** Creates, starts and waits for the container, which exits with status 0. Returns its full ID. */
    public String exited() {
        String id = created();
        // start + wait rather than `start -a`: podman answers the attach-before-start with 409.
        fixtures.cli().run("start", id);
        fixtures.cli().run("wait", id);
        return id;
    }

    /** Creates and starts a container that sleeps for a day. Returns its full ID. */
    public String running() {
        String id = fixtures.cli().run(createArguments("/sleeper", RUNNING_SECONDS));
        fixtures.cli().run("start", id);
        return id;
    }

    private String[] createArguments(String... command) {
        List<String> args = new ArrayList<>(List.of("create", "--name", name, "--label", fixtures.runLabel(),
                "--network", network == null ? "none" : network));
        for (String label : labels) {
            args.add("--label");
            args.add(label);
        }
        for (String volume : volumes) {
            args.add("--volume");
            args.add(volume);
        }
        args.add(image == null ? fixtures.baseImage() : image);
        args.addAll(List.of(command));
        return args.toArray(String[]::new);
    }
}
