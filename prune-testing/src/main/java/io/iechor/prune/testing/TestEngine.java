package io.iechor.prune.testing;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A container engine for real-engine tests: a private, throwaway {@code dockerd} (or podman
 * service) that lives in one temporary directory, or an existing engine named by
 * {@value #HOST_ENV}.
 *
 * <pre>{@code
 * TestEngine engine = TestEngine.shared();            // one per JVM, stopped at exit
 * engine.fixtures().container("old").exited();
 * // ... point the library at engine.unixEndpoint() and prune, scoped by engine.runLabel()
 *
 * try (TestEngine own = TestEngine.startDocker(TestEngine.Options.defaults().withTlsTcp())) {
 *     // own.tcpEndpoint(), own.tlsCertDirectory() ...
 * }
 * }</pre>
 *
 * <p>A private dockerd runs with its own socket, data root, exec root, pidfile and config, with
 * {@code --bridge=none --iptables=false}, so it leaves the host's engine alone. It has no default
 * bridge network; containers use {@code --network none} or a user network. Starting needs root,
 * {@code dockerd} and the {@code docker} CLI, {@code gcc} (for the test image) and {@code openssl}
 * (for TLS).
 *
 * <p>A failure to start always throws {@link EngineStartException}, on CI and elsewhere: tests are
 * never skipped because the engine is missing.
 */
public final class TestEngine implements AutoCloseable {

    /** Environment variable naming an existing engine ({@code unix://...} or {@code tcp://...}) for {@link #shared()}. */
    public static final String HOST_ENV = "IECHOR_TEST_HOST";

    /** Key of the label every fixture carries; the value is {@link #runId()}. */
    public static final String RUN_LABEL_KEY = "iechor-test-run";

    private static final System.Logger LOG = System.getLogger(TestEngine.class.getName());
    private static final SharedEngine SHARED = new SharedEngine(() -> {
        String host = System.getenv(HOST_ENV);
        return host == null || host.isBlank()
                ? startDocker(Options.defaults().withTlsTcp())
                : ExistingEngine.connect(host.strip(), Options.defaults());
    });
    private static final SharedEngine SHARED_PODMAN = new SharedEngine(TestEngine::startPodman);

    private final EngineBackend backend;
    private final Path workDirectory;
    private final DockerCli cli;
    private final String endpoint;
    private final String tcpEndpoint;
    private final Path tlsCertDirectory;
    private final String apiVersion;
    private final boolean podman;
    private final boolean privateEngine;
    private final String server;
    private final Duration startupTime;
    private final String runId = UUID.randomUUID().toString();
    private final AtomicBoolean closed = new AtomicBoolean();
    // Stops the engine even if a test forgets to close it, so no dockerd outlives the JVM.
    private final Thread exitHook = new Thread(this::shutdown, "iechor-test-engine-stop");
    private volatile boolean shared;
    private Fixtures fixtures;

    TestEngine(EngineBackend backend, Path workDirectory, DockerCli cli, String endpoint, String tcpEndpoint,
               Path tlsCertDirectory, String apiVersion, boolean podman, boolean privateEngine, String server,
               Duration startupTime) {
        this.backend = backend;
        this.workDirectory = workDirectory;
        this.cli = cli;
        this.endpoint = endpoint;
        this.tcpEndpoint = tcpEndpoint;
        this.tlsCertDirectory = tlsCertDirectory;
        this.apiVersion = apiVersion;
        this.podman = podman;
        this.privateEngine = privateEngine;
        this.server = server;
        this.startupTime = startupTime;
    }

    /** Makes the engine stop at JVM exit unless it is closed before; returns it. */
    static TestEngine stoppedAtExit(TestEngine engine) {
        Runtime.getRuntime().addShutdownHook(engine.exitHook);
        return engine;
    }

    // ---- obtaining an engine --------------------------------------------------------------------

    /**
     * The engine for this JVM, started on first use and stopped by a shutdown hook; test classes
     * share it. If {@value #HOST_ENV} is set, that engine is used instead (and only this run's
     * objects are removed at exit); otherwise a private dockerd with a unix socket and a TLS TCP
     * listener is started. {@link #close()} on it does nothing.
     *
     * @throws EngineStartException if it cannot be started, now or on an earlier call
     */
    public static TestEngine shared() {
        return SHARED.get();
    }

    /** Like {@link #shared()}, but a private podman service (never {@value #HOST_ENV}). */
    public static TestEngine sharedPodman() {
        return SHARED_PODMAN.get();
    }

    /** Starts a private dockerd with a unix socket only. The caller closes it. */
    public static TestEngine startDocker() {
        return startDocker(Options.defaults());
    }

    /** Starts a private dockerd as {@code options} say. The caller closes it. */
    public static TestEngine startDocker(Options options) {
        return PrivateDockerd.start(options);
    }

    /** Starts a private podman API service (unix socket only). The caller closes it. */
    public static TestEngine startPodman() {
        return startPodman(Options.defaults());
    }

    /** Starts a private podman API service as {@code options} say (TCP is not supported). */
    public static TestEngine startPodman(Options options) {
        return PrivatePodman.start(options);
    }

    /**
     * Uses an engine that is already running, such as {@code unix:///var/run/docker.sock}. For a
     * {@code tcp://} host with TLS, set {@code DOCKER_TLS_VERIFY} and {@code DOCKER_CERT_PATH} as
     * for the docker CLI. Closing it removes this run's objects and leaves the engine running.
     */
    public static TestEngine existing(String host) {
        return ExistingEngine.connect(Objects.requireNonNull(host, "host"), Options.defaults());
    }

    // ---- what it is -----------------------------------------------------------------------------

    /** The endpoint tests should use by default: the unix socket, or the {@value #HOST_ENV} value. */
    public String endpoint() {
        return endpoint;
    }

    /**
     * The unix socket endpoint, such as {@code unix:///tmp/iechor-dockerd-123/docker.sock}.
     *
     * @throws IllegalStateException if this is an existing engine reached over TCP
     */
    public String unixEndpoint() {
        if (!endpoint.startsWith("unix://")) {
            throw new IllegalStateException("the engine at " + endpoint + " has no unix socket endpoint");
        }
        return endpoint;
    }

    /** {@code tcp://127.0.0.1:<port>} if the engine listens on TCP (plain or TLS, see {@link #tlsCertDirectory()}). */
    public Optional<String> tcpEndpoint() {
        return Optional.ofNullable(tcpEndpoint);
    }

    /**
     * The client certificate directory if the TCP endpoint requires TLS: {@code ca.pem},
     * {@code cert.pem} and {@code key.pem}, the layout {@code DOCKER_CERT_PATH} expects.
     */
    public Optional<Path> tlsCertDirectory() {
        return Optional.ofNullable(tlsCertDirectory);
    }

    /** The engine's own API version from {@code /_ping} or {@code /version}, e.g. {@code 1.41}. */
    public String apiVersion() {
        return apiVersion;
    }

    /** Whether the engine is podman's Docker-compatible service. */
    public boolean isPodman() {
        return podman;
    }

    /**
     * Whether the harness started this engine for itself. If not ({@value #HOST_ENV}), it may hold
     * objects of other people and every prune must be scoped by {@link #runLabel()}.
     */
    public boolean isPrivate() {
        return privateEngine;
    }

    /** The {@code Server} the engine reported, e.g. {@code Docker/20.10.24+dfsg1 (linux)}. */
    public String server() {
        return server;
    }

    /** How long the engine took from process start until {@code /_ping} answered (zero if not started here). */
    public Duration startupTime() {
        return startupTime;
    }

    /** The directory holding everything of a private engine (socket, data, certificates, log). */
    public Optional<Path> directory() {
        return privateEngine ? Optional.of(workDirectory) : Optional.empty();
    }

    /** The last lines of the engine's log, for failure messages. */
    public String logTail(int lines) {
        return backend.logTail(lines);
    }

    // ---- scoping and driving ----------------------------------------------------------------------

    /** A random ID unique to this engine instance in this JVM. */
    public String runId() {
        return runId;
    }

    /** {@code iechor-test-run=<runId>}: carried by every fixture, and the filter to scope prunes by. */
    public String runLabel() {
        return RUN_LABEL_KEY + "=" + runId;
    }

    /** The docker CLI pointed at {@link #endpoint()}. */
    public DockerCli cli() {
        return cli;
    }

    /** Fixture helpers for this engine; the same instance on every call. */
    public synchronized Fixtures fixtures() {
        if (fixtures == null) {
            fixtures = new Fixtures(cli, runLabel(), runId, workDirectory.resolve("fixtures"), podman);
        }
        return fixtures;
    }

    // ---- stopping ----------------------------------------------------------------------------------

    /**
     * Stops a private engine by its pid (SIGTERM, then SIGKILL after a grace period), unmounts what
     * it left mounted, removes its bridge interfaces and deletes its directory. For an existing
     * engine, removes this run's objects. Does nothing on the {@link #shared()} engines. Engines
     * that are not closed are closed when the JVM exits (unless it is killed). Idempotent.
     */
    @Override
    public void close() {
        if (!shared) {
            shutdown();
        }
    }

    void shutdown() {
        if (closed.compareAndSet(false, true)) {
            try {
                Runtime.getRuntime().removeShutdownHook(exitHook);
            } catch (IllegalStateException exiting) {
                // Called from the hook itself while the JVM exits; nothing to unregister.
            }
            backend.shutdown(this);
            LOG.log(System.Logger.Level.DEBUG, "closed {0}", this);
        }
    }

    void markShared() {
        shared = true;
    }

    @Override
    public String toString() {
        return "TestEngine[" + server + ", API " + apiVersion + ", " + endpoint
                + (tcpEndpoint == null || tcpEndpoint.equals(endpoint) ? "" : " + " + tcpEndpoint
                + (tlsCertDirectory == null ? "" : " (TLS)"))
                + (privateEngine ? "" : ", existing") + "]";
    }

    // ---- options -------------------------------------------------------------------------------------

    /** Whether and how a private dockerd also listens on TCP. */
    enum Tcp { NONE, PLAIN, TLS }

    /**
     * How to start a private engine. Immutable; every {@code with...} returns a new value.
     *
     * <pre>{@code
     * TestEngine.Options.defaults().withTlsTcp().withStartTimeout(Duration.ofSeconds(90))
     * }</pre>
     */
    public static final class Options {

        private final Tcp tcp;
        private final Duration startTimeout;
        private final String dockerd;
        private final String podman;
        private final String dockerCli;
        private final Path parentDirectory;
        private final List<String> extraDaemonArguments;

        private Options(Tcp tcp, Duration startTimeout, String dockerd, String podman, String dockerCli,
                        Path parentDirectory, List<String> extraDaemonArguments) {
            this.tcp = tcp;
            this.startTimeout = startTimeout;
            this.dockerd = dockerd;
            this.podman = podman;
            this.dockerCli = dockerCli;
            this.parentDirectory = parentDirectory;
            this.extraDaemonArguments = List.copyOf(extraDaemonArguments);
        }

        /**
         * Unix socket only, 60 s start timeout, {@code dockerd}, {@code podman} and {@code docker}
         * from {@code PATH}, engine directories under {@code /tmp} (short, for socket paths).
         */
        public static Options defaults() {
            return new Options(Tcp.NONE, Duration.ofSeconds(60), "dockerd", "podman", "docker", Path.of("/tmp"),
                    List.of());
        }

        /** Also listen on {@code tcp://127.0.0.1:<free port>} without TLS. */
        public Options withPlainTcp() {
            return new Options(Tcp.PLAIN, startTimeout, dockerd, podman, dockerCli, parentDirectory,
                    extraDaemonArguments);
        }

        /**
         * Also listen on {@code tcp://127.0.0.1:<free port>} with {@code --tlsverify}, using a fresh
         * CA, server and client certificate (see {@link TestEngine#tlsCertDirectory()}).
         */
        public Options withTlsTcp() {
            return new Options(Tcp.TLS, startTimeout, dockerd, podman, dockerCli, parentDirectory,
                    extraDaemonArguments);
        }

        /** How long to wait for {@code /_ping} before giving up. */
        public Options withStartTimeout(Duration timeout) {
            return new Options(tcp, Objects.requireNonNull(timeout), dockerd, podman, dockerCli, parentDirectory,
                    extraDaemonArguments);
        }

        /** The dockerd binary to run. */
        public Options withDockerd(String executable) {
            return new Options(tcp, startTimeout, Objects.requireNonNull(executable), podman, dockerCli,
                    parentDirectory, extraDaemonArguments);
        }

        /** The podman binary to run. */
        public Options withPodman(String executable) {
            return new Options(tcp, startTimeout, dockerd, Objects.requireNonNull(executable), dockerCli,
                    parentDirectory, extraDaemonArguments);
        }

        /** The docker CLI that makes fixtures. */
        public Options withDockerCli(String executable) {
            return new Options(tcp, startTimeout, dockerd, podman, Objects.requireNonNull(executable),
                    parentDirectory, extraDaemonArguments);
        }

        /** Where engine directories are created; keep the path short (unix sockets live below it). */
        public Options withParentDirectory(Path directory) {
            return new Options(tcp, startTimeout, dockerd, podman, dockerCli, Objects.requireNonNull(directory),
                    extraDaemonArguments);
        }

        /** More arguments for dockerd (or {@code podman system service}), appended last. */
        public Options withExtraDaemonArguments(String... arguments) {
            List<String> all = new ArrayList<>(extraDaemonArguments);
            all.addAll(List.of(arguments));
            return new Options(tcp, startTimeout, dockerd, podman, dockerCli, parentDirectory, all);
        }

        Tcp tcp() {
            return tcp;
        }

        Duration startTimeout() {
            return startTimeout;
        }

        String dockerd() {
            return dockerd;
        }

        String podman() {
            return podman;
        }

        String dockerCli() {
            return dockerCli;
        }

        Path parentDirectory() {
            return parentDirectory;
        }

        List<String> extraDaemonArguments() {
            return extraDaemonArguments;
        }
    }
}
