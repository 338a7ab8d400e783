package io.iechor.prune.testing;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * An engine the harness did not start ({@code IECHOR_TEST_HOST}). It may hold other people's
 * objects, so shutdown removes only what carries this run's label, and tests must scope every
 * prune by {@link TestEngine#runLabel()}.
 */
final class ExistingEngine implements EngineBackend {

    private final Path workDirectory;

    private ExistingEngine(Path workDirectory) {
        this.workDirectory = workDirectory;
    }

    static TestEngine connect(String host, TestEngine.Options options) {
        Path work = EngineDirectories.create(options.parentDirectory(), "iechor-existing-");
        try {
            // Inherit DOCKER_TLS_VERIFY / DOCKER_CERT_PATH: they describe how to reach this host.
            DockerCli cli = new DockerCli(options.dockerCli(), host,
                    Map.of("DOCKER_CONFIG", work.resolve("cli").toString()), true);
            String[] version = cli.run("version", "--format",
                    "{{.Server.APIVersion}}|{{.Server.Version}}|{{range .Server.Components}}{{.Name}};{{end}}")
                    .split("\\|", -1);
            boolean podman = version[2].contains("Podman");
            String certPath = System.getenv("DOCKER_CERT_PATH");
            Path tls = host.startsWith("tcp://") && !isBlank(System.getenv("DOCKER_TLS_VERIFY")) && !isBlank(certPath)
                    ? Path.of(certPath) : null;
            return TestEngine.stoppedAtExit(new TestEngine(new ExistingEngine(work), work, cli, host,
                    host.startsWith("tcp://") ? host : null, tls, version[0], podman, false,
                    (podman ? "Libpod/" : "Docker/") + version[1], Duration.ZERO));
        } catch (RuntimeException e) {
            HostCleanup.deleteRecursively(work);
            throw new EngineStartException("cannot use the engine at " + TestEngine.HOST_ENV + "=" + host + ": "
                    + e.getMessage(), e);
        }
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    @Override
    public void shutdown(TestEngine engine) {
        EngineBackend.runAll(
                () -> engine.fixtures().removeRunObjects(),
                () -> HostCleanup.deleteRecursively(workDirectory));
    }

    @Override
    public String logTail(int lines) {
        return "(not started by the harness, so its log is not available here)";
    }
}
