package io.iechor.prune.testing;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The {@code docker} command line, pointed at one engine with {@code -H}. Immutable.
 *
 * <p>Fixtures are made through the CLI rather than through the library under test, so that a bug
 * in the library cannot hide itself by building the wrong fixture.
 *
 * <pre>{@code
 * String id = engine.cli().run("volume", "create", "--label", engine.runLabel());
 * }</pre>
 */
public final class DockerCli {

    /** Environment variables that would point the CLI somewhere other than {@code -H}. */
    private static final List<String> ENDPOINT_VARIABLES =
            List.of("DOCKER_HOST", "DOCKER_CONTEXT", "DOCKER_TLS_VERIFY", "DOCKER_CERT_PATH", "DOCKER_TLS");

    private final String executable;
    private final String host;
    private final Map<String, String> environment;
    private final boolean inheritEndpointVariables;

    DockerCli(String executable, String host, Map<String, String> environment, boolean inheritEndpointVariables) {
        this.executable = Objects.requireNonNull(executable, "executable");
        this.host = Objects.requireNonNull(host, "host");
        this.environment = Map.copyOf(environment);
        this.inheritEndpointVariables = inheritEndpointVariables;
    }

    /** The CLI binary, a path or a name looked up on {@code PATH}. */
    public String executable() {
        return executable;
    }

    /** The endpoint passed as {@code -H}, such as {@code unix:///tmp/x/docker.sock}. */
    public String host() {
        return host;
    }

    /** The same CLI talking to another endpoint of the same engine, e.g. its TCP listener. */
    public DockerCli withHost(String otherHost) {
        return new DockerCli(executable, otherHost, environment, inheritEndpointVariables);
    }

    /**
     * The same CLI verifying the engine's TLS certificate and presenting a client certificate from
     * {@code certDirectory} ({@code ca.pem}, {@code cert.pem}, {@code key.pem}, as in
     * {@code DOCKER_CERT_PATH}).
     */
    public DockerCli withTls(Path certDirectory) {
        Map<String, String> env = new HashMap<>(environment);
        env.put("DOCKER_TLS_VERIFY", "1");
        env.put("DOCKER_CERT_PATH", certDirectory.toString());
        return new DockerCli(executable, host, env, inheritEndpointVariables);
    }

    /** The same engine driven by another CLI binary (e.g. {@code /usr/bin/docker} 20.10 for BuildKit). */
    public DockerCli withExecutable(String otherExecutable) {
        return new DockerCli(otherExecutable, host, environment, inheritEndpointVariables);
    }

    /** The same CLI with one more environment variable, e.g. {@code DOCKER_BUILDKIT=1}. */
    public DockerCli withEnvironment(String name, String value) {
        Map<String, String> env = new HashMap<>(environment);
        env.put(name, value);
        return new DockerCli(executable, host, env, inheritEndpointVariables);
    }

    /**
     * Runs {@code docker -H <host> args...} and returns its trimmed standard output.
     *
     * @throws CommandFailedException on a non-zero exit, quoting standard error
     */
    public String run(String... args) {
        return tryRun(args).orThrow().stdout().strip();
    }

    /** Like {@link #run}, split into non-blank lines. */
    public List<String> lines(String... args) {
        return tryRun(args).orThrow().lines();
    }

    /** Whether {@code docker -H <host> args...} exits with status 0; used for existence checks. */
    public boolean succeeds(String... args) {
        return tryRun(args).succeeded();
    }

    /** Runs the command and reports its outcome without throwing on a non-zero exit. */
    public CommandResult tryRun(String... args) {
        return tryRun(Commands.DEFAULT_TIMEOUT, args);
    }

    /** Like {@link #tryRun(String...)} with an explicit time limit. */
    public CommandResult tryRun(Duration timeout, String... args) {
        List<String> command = new ArrayList<>(args.length + 3);
        command.add(executable);
        command.add("-H");
        command.add(host);
        command.addAll(Arrays.asList(args));
        return Commands.run(command, env -> {
            if (!inheritEndpointVariables) {
                ENDPOINT_VARIABLES.forEach(env::remove);
            }
            env.putAll(environment);
        }, timeout);
    }

    @Override
    public String toString() {
        return executable + " -H " + host;
    }
}
