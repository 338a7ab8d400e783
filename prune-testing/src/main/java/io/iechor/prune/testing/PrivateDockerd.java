package io.iechor.prune.testing;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Starts a throwaway dockerd that owns nothing outside one directory, so it can run next to the
 * host's engine and next to other test engines.
 */
final class PrivateDockerd implements EngineBackend {

    private static final System.Logger LOG = System.getLogger(PrivateDockerd.class.getName());

    private final Path directory;
    private final DaemonProcess daemon;
    private final DockerCli cli;

    private PrivateDockerd(Path directory, DaemonProcess daemon, DockerCli cli) {
        this.directory = directory;
        this.daemon = daemon;
        this.cli = cli;
    }

    static TestEngine start(TestEngine.Options options) {
        Path directory = EngineDirectories.create(options.parentDirectory(), "iechor-dockerd-");
        try {
            return startIn(directory, options);
        } catch (RuntimeException e) {
            HostCleanup.unmountUnder(directory);
            HostCleanup.deleteRecursively(directory);
            throw e;
        }
    }

    private static TestEngine startIn(Path directory, TestEngine.Options options) {
        Path socket = directory.resolve("docker.sock");
        Certificates.Issued tls = options.tcp() == TestEngine.Tcp.TLS
                ? Certificates.generate(EngineDirectories.mkdirs(directory.resolve("certs")))
                : null;
        // A port picked as free can be taken before dockerd binds it; then try another one.
        for (int attempt = 1; ; attempt++) {
            int port = options.tcp() == TestEngine.Tcp.NONE ? 0 : EngineDirectories.freeLoopbackPort();
            List<String> command = commandLine(options, directory, socket, port, tls);
            long started = System.nanoTime();
            DaemonProcess daemon = DaemonProcess.start(command, Map.of(),
                    directory.resolve("dockerd-" + attempt + ".log"));
            Ping.Response ping;
            try {
                ping = EngineDirectories.awaitPing(daemon, socket, options.startTimeout());
            } catch (EngineStartException e) {
                daemon.stop(Duration.ofSeconds(10));
                if (port != 0 && attempt < 3 && daemon.logTail(40).contains("address already in use")) {
                    continue;
                }
                throw new EngineStartException("cannot start a private dockerd: `" + String.join(" ", command)
                        + "`: " + e.getMessage(), e);
            }
            long millis = Duration.ofNanos(System.nanoTime() - started).toMillis();
            DockerCli cli = new DockerCli(options.dockerCli(), "unix://" + socket,
                    Map.of("DOCKER_CONFIG", directory.resolve("cli").toString()), false);
            String tcp = port == 0 ? null : "tcp://127.0.0.1:" + port;
            LOG.log(System.Logger.Level.INFO, "started {0} (API {1}) pid {2} at unix://{3}{4} in {5} ms",
                    ping.header("server").orElse("dockerd"), ping.header("api-version").orElse("?"),
                    daemon.pid(), socket, tcp == null ? "" : " and " + tcp, millis);
            return TestEngine.stoppedAtExit(new TestEngine(new PrivateDockerd(directory, daemon, cli), directory, cli,
                    "unix://" + socket, tcp, tls == null ? null : tls.clientDirectory(),
                    ping.header("api-version").orElse("1.41"), false, true,
                    ping.header("server").orElse("dockerd"), Duration.ofMillis(millis)));
        }
    }

    private static List<String> commandLine(TestEngine.Options options, Path directory, Path socket, int port,
                                            Certificates.Issued tls) {
        String namespace = "iechor-test-" + directory.getFileName().toString().replaceAll("[^0-9]", "");
        List<String> command = new ArrayList<>(List.of(options.dockerd(),
                "--host", "unix://" + socket,
                "--data-root", directory.resolve("data").toString(),
                "--exec-root", directory.resolve("exec").toString(),
                "--pidfile", directory.resolve("docker.pid").toString(),
                // An empty config keeps /etc/docker/daemon.json (registry mirrors, log drivers...) out.
                "--config-file", EngineDirectories.write(directory.resolve("daemon.json"), "{}").toString(),
                // docker0 and the DOCKER iptables chains belong to the host's engine.
                "--bridge=none", "--iptables=false",
                // Keep user networks out of 172.17-31/192.168 (the host engine's pools) and, by
                // picking a random /16, mostly out of other test engines' subnets.
                "--default-address-pool", "base=10." + ThreadLocalRandom.current().nextInt(100, 250) + ".0.0/16,size=24",
                // Only matters if a system containerd is running: without their own namespaces two
                // dockerds sharing it would see (and clean up) each other's containers.
                "--containerd-namespace", namespace,
                "--containerd-plugins-namespace", namespace + "-plugins",
                // Test containers exit on SIGTERM; do not wait 15 s for one that does not.
                "--shutdown-timeout", "5"));
        if (port != 0) {
            command.add("--host");
            command.add("tcp://127.0.0.1:" + port);
        }
        if (tls != null) {
            command.addAll(List.of("--tlsverify",
                    "--tlscacert", tls.caCertificate().toString(),
                    "--tlscert", tls.serverCertificate().toString(),
                    "--tlskey", tls.serverKey().toString()));
        }
        command.addAll(options.extraDaemonArguments());
        return command;
    }

    @Override
    public void shutdown(TestEngine engine) {
        List<String> bridges = new ArrayList<>();
        EngineBackend.runAll(
                () -> bridges.addAll(bridgeInterfaces()),
                () -> LOG.log(System.Logger.Level.INFO, daemon.stop(Duration.ofSeconds(30))),
                () -> bridges.forEach(HostCleanup::deleteInterface),
                () -> HostCleanup.unmountUnder(directory),
                () -> HostCleanup.deleteRecursively(directory));
    }

    /** Host interfaces of this engine's user networks, which outlive the daemon. */
    private List<String> bridgeInterfaces() {
        if (!daemon.isAlive()) {
            return List.of();
        }
        List<String> ids = cli.lines("network", "ls", "--quiet", "--no-trunc", "--filter", "driver=bridge");
        if (ids.isEmpty()) {
            return List.of();
        }
        List<String> args = new ArrayList<>(List.of("network", "inspect", "--format",
                // `with` because the CLI renders a missing key as "<no value>".
                "{{.Id}} {{with index .Options \"com.docker.network.bridge.name\"}}{{.}}{{end}}"));
        args.addAll(ids);
        List<String> names = new ArrayList<>();
        for (String line : cli.lines(args.toArray(String[]::new))) {
            String[] parts = line.split(" ");
            names.add(parts.length > 1 && !parts[1].isBlank() ? parts[1] : "br-" + parts[0].substring(0, 12));
        }
        return names;
    }

    @Override
    public String logTail(int lines) {
        return daemon.logTail(lines);
    }
}
