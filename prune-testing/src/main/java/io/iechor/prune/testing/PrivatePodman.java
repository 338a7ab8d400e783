package io.iechor.prune.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Starts podman's Docker-compatible API service with all its storage under one directory.
 *
 * <p>Podman is daemonless: containers are supervised by {@code conmon}, not by the service, and
 * keep running after it stops. Shutdown therefore removes all containers with the podman CLI
 * (same storage flags) before stopping the service. Still shared with the host, as podman 4.3
 * offers no flag for them: {@code /var/lib/containers/cache}, netavark's
 * {@code /run/containers/networks}, and the {@code NETAVARK_*} iptables chains that appear once a
 * container on a user network has been started.
 */
final class PrivatePodman implements EngineBackend {

    private static final System.Logger LOG = System.getLogger(PrivatePodman.class.getName());

    private final Path directory;
    private final DaemonProcess service;
    private final List<String> podmanCommand;
    private final Map<String, String> environment;

    private PrivatePodman(Path directory, DaemonProcess service, List<String> podmanCommand,
                          Map<String, String> environment) {
        this.directory = directory;
        this.service = service;
        this.podmanCommand = podmanCommand;
        this.environment = environment;
    }

    static TestEngine start(TestEngine.Options options) {
        if (options.tcp() != TestEngine.Tcp.NONE) {
            throw new IllegalArgumentException("the podman test engine listens on a unix socket only");
        }
        Path directory = EngineDirectories.create(options.parentDirectory(), "iechor-podman-");
        try {
            return startIn(directory, options);
        } catch (RuntimeException e) {
            HostCleanup.unmountUnder(directory);
            HostCleanup.deleteRecursively(directory);
            throw e;
        }
    }

    private static TestEngine startIn(Path directory, TestEngine.Options options) {
        List<String> podman = new ArrayList<>(List.of(options.podman(),
                "--root", EngineDirectories.mkdirs(directory.resolve("root")).toString(),
                "--runroot", EngineDirectories.mkdirs(directory.resolve("run")).toString(),
                "--tmpdir", EngineDirectories.mkdirs(directory.resolve("tmp")).toString(),
                "--volumepath", EngineDirectories.mkdirs(directory.resolve("volumes")).toString(),
                "--network-config-dir", EngineDirectories.mkdirs(directory.resolve("networks")).toString(),
                "--storage-driver", "overlay",
                // No systemd or journald needed (CI containers have neither).
                "--cgroup-manager", "cgroupfs",
                "--events-backend", "file"));
        Map<String, String> environment = Map.of("CONTAINERS_CONF",
                EngineDirectories.write(directory.resolve("containers.conf"), containersConf()).toString());
        Path socket = directory.resolve("podman.sock");
        List<String> command = new ArrayList<>(podman);
        command.addAll(List.of("system", "service", "--time=0", "unix://" + socket));
        command.addAll(options.extraDaemonArguments());

        long started = System.nanoTime();
        DaemonProcess service = DaemonProcess.start(command, environment, directory.resolve("podman.log"));
        Ping.Response ping;
        try {
            ping = EngineDirectories.awaitPing(service, socket, options.startTimeout());
        } catch (EngineStartException e) {
            service.stop(Duration.ofSeconds(10));
            throw new EngineStartException("cannot start a private podman service: `" + String.join(" ", command)
                    + "`: " + e.getMessage(), e);
        }
        long millis = Duration.ofNanos(System.nanoTime() - started).toMillis();
        DockerCli cli = new DockerCli(options.dockerCli(), "unix://" + socket,
                Map.of("DOCKER_CONFIG", directory.resolve("cli").toString()), false);
        LOG.log(System.Logger.Level.INFO, "started {0} (API {1}) pid {2} at unix://{3} in {4} ms",
                ping.header("server").orElse("podman"), ping.header("api-version").orElse("?"),
                service.pid(), socket, millis);
        return TestEngine.stoppedAtExit(new TestEngine(new PrivatePodman(directory, service, podman, environment), directory, cli,
                "unix://" + socket, null, null, ping.header("api-version").orElse("1.41"), true, true,
                ping.header("server").orElse("podman"), Duration.ofMillis(millis)));
    }

    /**
     * Rootful podman asks the runtime for RLIMIT_NOFILE 1048576 and a large RLIMIT_NPROC by default.
     * Without CAP_SYS_RESOURCE (CI sandboxes) raising a limit above its hard value is refused and
     * no container starts ("error setting rlimit type 7"), so pin both to what this process may use.
     */
    private static String containersConf() {
        long nofile = hardLimit("Max open files", 1_048_576);
        // podman lowers its own nproc limit to 32768, so more than that is refused as well.
        long nproc = Math.min(hardLimit("Max processes", 32_768), 32_768);
        return "[containers]\ndefault_ulimits = [\"nofile=" + nofile + ":" + nofile + "\", \"nproc=" + nproc + ":"
                + nproc + "\"]\n";
    }

    private static long hardLimit(String name, long unlimited) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/limits"))) {
                if (line.startsWith(name)) {
                    String hard = line.substring(name.length()).trim().split("\\s+")[1];
                    return hard.equals("unlimited") ? unlimited : Long.parseLong(hard);
                }
            }
            return unlimited;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void shutdown(TestEngine engine) {
        List<String> removeAll = new ArrayList<>(podmanCommand);
        removeAll.addAll(List.of("rm", "--all", "--force", "--time", "0"));
        EngineBackend.runAll(
                () -> Commands.run(removeAll, env -> env.putAll(environment), Commands.DEFAULT_TIMEOUT).orThrow(),
                () -> LOG.log(System.Logger.Level.INFO, service.stop(Duration.ofSeconds(15))),
                () -> awaitProcessesUsing(directory, Duration.ofSeconds(15)),
                () -> HostCleanup.unmountUnder(directory),
                () -> HostCleanup.deleteRecursively(directory));
    }

    /**
     * conmon and container processes of a removed container exit shortly after {@code rm} returns;
     * wait for them, and kill what is left, so nothing outlives the engine's directory.
     */
    private static void awaitProcessesUsing(Path directory, Duration patience) {
        long deadline = System.nanoTime() + patience.toNanos();
        while (true) {
            List<ProcessHandle> left = ProcessHandle.allProcesses()
                    .filter(p -> p.info().commandLine().orElse("").contains(directory.toString()))
                    .toList();
            if (left.isEmpty()) {
                return;
            }
            if (System.nanoTime() > deadline) {
                left.forEach(ProcessHandle::destroyForcibly);
                left.forEach(p -> p.onExit().join());
                return;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    @Override
    public String logTail(int lines) {
        return service.logTail(lines);
    }
}
