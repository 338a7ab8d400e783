package io.iechor.prune.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.Test;

/** Starting, reaching and stopping private engines. (Not named TestEngineIT: surefire would run any Test* class too.) */
class EngineLifecycleIT {

    @Test
    void closeStopsTheDaemonAndLeavesNothingBehind() throws Exception {
        TestEngine engine = TestEngine.startDocker();
        Path directory = engine.directory().orElseThrow();
        Fixtures fx = engine.fixtures();
        String network = fx.network("lifecycle-net");
        fx.container("lifecycle-running").onNetwork(network).withVolume("lifecycle-vol", "/data").running();
        String bridge = "br-" + network.substring(0, 12);
        long pid = Long.parseLong(Files.readString(directory.resolve("docker.pid")).strip());
        assertThat(Path.of("/sys/class/net", bridge)).exists();
        assertThat(HostCleanup.mountsUnder(directory)).isNotEmpty();

        engine.close();

        assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive)).isNotEqualTo(java.util.Optional.of(true));
        assertThat(HostCleanup.mountsUnder(directory)).isEmpty();
        assertThat(Path.of("/sys/class/net", bridge)).doesNotExist();
        assertThat(directory).doesNotExist();
        engine.close(); // idempotent
    }

    @Test
    void tlsEndpointNeedsTheGeneratedClientCertificate() throws Exception {
        try (TestEngine engine = TestEngine.startDocker(TestEngine.Options.defaults().withTlsTcp())) {
            String tcp = engine.tcpEndpoint().orElseThrow();
            Path certs = engine.tlsCertDirectory().orElseThrow();
            URI ping = URI.create(tcp.replace("tcp://", "https://") + "/_ping");
            assertThat(certs.resolve("ca.pem")).exists();
            assertThat(certs.resolve("cert.pem")).exists();
            assertThat(certs.resolve("key.pem")).exists();

            HttpResponse<String> answer = get(ClientTls.context(certs, true), ping);
            assertThat(answer.statusCode()).isEqualTo(200);
            assertThat(answer.body()).isEqualTo("OK");
            assertThat(answer.headers().firstValue("Api-Version")).contains(engine.apiVersion());

            // --tlsverify: the engine refuses a client that presents no certificate.
            assertThatThrownBy(() -> get(ClientTls.context(certs, false), ping)).isInstanceOf(java.io.IOException.class);

            DockerCli overTls = engine.cli().withHost(tcp).withTls(certs);
            assertThat(overTls.run("version", "--format", "{{.Server.APIVersion}}")).isEqualTo(engine.apiVersion());
            assertThat(engine.cli().withHost(tcp).tryRun("version").succeeded()).isFalse();
        }
    }

    @Test
    void plainTcpEndpointAnswersPing() throws Exception {
        try (TestEngine engine = TestEngine.startDocker(TestEngine.Options.defaults().withPlainTcp())) {
            URI ping = URI.create(engine.tcpEndpoint().orElseThrow().replace("tcp://", "http://") + "/_ping");
            HttpResponse<String> answer = HttpClient.newHttpClient()
                    .send(HttpRequest.newBuilder(ping).timeout(Duration.ofSeconds(10)).build(),
                            HttpResponse.BodyHandlers.ofString());

            assertThat(answer.body()).isEqualTo("OK");
            assertThat(engine.tlsCertDirectory()).isEmpty();
        }
    }

    @Test
    void existingEngineKeepsRunningAndLosesOnlyThisRunsObjects() {
        try (TestEngine owner = TestEngine.startDocker()) {
            String foreign = owner.cli().run("volume", "create", "not-from-this-run");
            TestEngine existing = TestEngine.existing(owner.unixEndpoint());
            assertThat(existing.isPrivate()).isFalse();
            assertThat(existing.runId()).isNotEqualTo(owner.runId());
            String container = existing.fixtures().container("existing-exited").exited();
            String volume = existing.fixtures().anonymousVolume();

            existing.close();

            assertThat(owner.fixtures().containerIds()).doesNotContain(container);
            assertThat(owner.fixtures().volumeNames()).doesNotContain(volume).contains(foreign);
            assertThat(owner.fixtures().imageTags()).isEmpty();
            assertThat(owner.cli().succeeds("version")).isTrue();
        }
    }

    @Test
    void startFailureQuotesTheDaemonLog() {
        TestEngine.Options broken = TestEngine.Options.defaults().withExtraDaemonArguments("--no-such-flag");

        assertThatThrownBy(() -> TestEngine.startDocker(broken))
                .isInstanceOf(EngineStartException.class)
                .hasMessageContaining("exited before answering /_ping")
                .hasMessageContaining("no-such-flag");
    }

    @Test
    void missingBinaryIsAStartFailure() {
        TestEngine.Options missing = TestEngine.Options.defaults().withDockerd("/nonexistent/dockerd");

        assertThatThrownBy(() -> TestEngine.startDocker(missing))
                .isInstanceOf(EngineStartException.class)
                .hasMessageContaining("/nonexistent/dockerd");
    }

    @Test
    void sharedEngineIsStartedOnceAndNotClosedByTests() {
        TestEngine shared = TestEngine.shared();
        shared.close();

        assertThat(TestEngine.shared()).isSameAs(shared);
        assertThat(shared.cli().succeeds("version")).isTrue();
    }

    private static HttpResponse<String> get(SSLContext tls, URI uri) throws Exception {
        HttpClient client = HttpClient.newBuilder().sslContext(tls).connectTimeout(Duration.ofSeconds(10)).build();
        return client.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
