package io.iechor.prune.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.iechor.prune.EngineInfo;
import io.iechor.prune.EngineNotFoundException;
import io.iechor.prune.EngineNotFoundException.Attempt;
import io.iechor.prune.spi.ClientSettings;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where the engine is looked for: host variables, contexts, default sockets, TLS directories. */
class DiscoveryTest {
  @TempDir
  Path home;
  @TempDir
  Path runtimeDir;

  private final Map<String, String> env = new HashMap<>();

  private Discovery discovery() {
    return new Discovery(env::get, home);
  }

  /** A context as {@code docker context create} stores it: a directory named by a hash, holding meta.json. */
  private Path context(Path configDir, String dirName, String metaJson) throws IOException {
    Path dir = Files.createDirectories(configDir.resolve("contexts/meta").resolve(dirName));
    Files.writeString(dir.resolve("meta.json"), metaJson);
    return dir;
  }

  private static String meta(String name, String host) {
    return "{\"Name\":\"" + name + "\",\"Metadata\":{\"Description\":\"\"},\"Endpoints\":{\"docker\":{\"Host\":\""
        + host + "\",\"SkipTLSVerify\":false}}}";
  }

  // ---------------------------------------------------------------- host variables

  @Test
  void iechorHostBeatsDockerHost() {
    env.put("IECHOR_HOST", "tcp://iechor-host:2375");
    env.put("DOCKER_HOST", "tcp://docker-host:2375");

    assertThat(discovery().candidates())
        .containsExactly(new Candidate("tcp://iechor-host:2375", "IECHOR_HOST", null, null));
  }

  @Test
  void dockerHostAloneIsTheOnlyPlaceTried() {
    env.put("DOCKER_HOST", "  unix:///run/user/1000/docker.sock ");

    assertThat(discovery().candidates())
        .containsExactly(new Candidate("unix:///run/user/1000/docker.sock", "DOCKER_HOST", null, null));
  }

  @Test
  void aBlankVariableCountsAsUnset() {
    env.put("IECHOR_HOST", "   ");
    env.put("DOCKER_HOST", "tcp://docker-host:2375");

    assertThat(discovery().candidates()).extracting(Candidate::source).containsExactly("DOCKER_HOST");
  }

  @Test
  void aHostVariableBeatsTheContext() throws IOException {
    context(home.resolve(".docker"), "abc", meta("ci", "tcp://ci:2376"));
    env.put("DOCKER_CONTEXT", "ci");
    env.put("DOCKER_HOST", "tcp://docker-host:2375");

    assertThat(discovery().candidates()).extracting(Candidate::endpoint).containsExactly("tcp://docker-host:2375");
  }

  // ---------------------------------------------------------------- contexts

  @Test
  void dockerContextNamesAContextInTheHomeConfig() throws IOException {
    context(home.resolve(".docker"), "0a1b", meta("other", "tcp://other:2375"));
    context(home.resolve(".docker"), "9f8e", meta("ci", "tcp://ci-engine:2376"));
    env.put("DOCKER_CONTEXT", "ci");

    List<Candidate> found = discovery().candidates();

    assertThat(found).hasSize(1);
    assertThat(found.get(0).endpoint()).isEqualTo("tcp://ci-engine:2376");
    assertThat(found.get(0).source()).contains("context 'ci'").contains("DOCKER_CONTEXT");
    assertThat(found.get(0).unavailable()).isNull();
  }

  @Test
  void theCurrentContextIsReadFromConfigJson() throws IOException {
    Files.createDirectories(home.resolve(".docker"));
    Files.writeString(home.resolve(".docker/config.json"), "{\"auths\":{},\"currentContext\":\"remote\"}");
    context(home.resolve(".docker"), "77", meta("remote", "ssh-less://remote"));

    List<Candidate> found = discovery().candidates();

    assertThat(found).extracting(Candidate::endpoint).containsExactly("ssh-less://remote");
    assertThat(found.get(0).source()).contains("currentContext").contains("config.json");
  }

  @Test
  void dockerContextBeatsConfigJson() throws IOException {
    Files.createDirectories(home.resolve(".docker"));
    Files.writeString(home.resolve(".docker/config.json"), "{\"currentContext\":\"remote\"}");
    context(home.resolve(".docker"), "1", meta("remote", "tcp://remote:2375"));
    context(home.resolve(".docker"), "2", meta("ci", "tcp://ci:2375"));
    env.put("DOCKER_CONTEXT", "ci");

    assertThat(discovery().candidates()).extracting(Candidate::endpoint).containsExactly("tcp://ci:2375");
  }

  @Test
  void dockerConfigMovesTheConfigDirectory(@TempDir Path config) throws IOException {
    Files.writeString(config.resolve("config.json"), "{\"currentContext\":\"moved\"}");
    context(config, "m", meta("moved", "tcp://moved:2375"));
    env.put("DOCKER_CONFIG", config.toString());

    assertThat(discovery().candidates()).extracting(Candidate::endpoint).containsExactly("tcp://moved:2375");
  }

  @Test
  void aNamedContextThatDoesNotExistIsReportedNotSkipped() throws IOException {
    context(home.resolve(".docker"), "1", meta("other", "tcp://other:2375"));
    env.put("DOCKER_CONTEXT", "gone");

    List<Candidate> found = discovery().candidates();

    assertThat(found).hasSize(1);
    assertThat(found.get(0).endpoint()).contains("gone");
    assertThat(found.get(0).unavailable()).contains("no such context");
  }

  @Test
  void aNamedContextWithoutAnyContextDirectoryIsReported() {
    env.put("DOCKER_CONTEXT", "gone");

    assertThat(discovery().candidates()).singleElement()
        .satisfies(c -> assertThat(c.unavailable()).contains("no such context"));
  }

  @Test
  void aContextWithoutADockerEndpointIsReported() throws IOException {
    context(home.resolve(".docker"), "k", "{\"Name\":\"k8s\",\"Endpoints\":{\"kubernetes\":{\"Host\":\"x\"}}}");
    env.put("DOCKER_CONTEXT", "k8s");

    assertThat(discovery().candidates()).singleElement()
        .satisfies(c -> assertThat(c.unavailable()).contains("no docker endpoint"));
  }

  @Test
  void theDefaultContextMeansTheDefaultSockets() {
    env.put("DOCKER_CONTEXT", "default");

    assertThat(discovery().candidates()).extracting(Candidate::source).containsOnly("default socket");
  }

  @Test
  void anUnreadableConfigJsonIsIgnored() throws IOException {
    Files.createDirectories(home.resolve(".docker"));
    Files.writeString(home.resolve(".docker/config.json"), "{not json");

    assertThat(discovery().candidates()).extracting(Candidate::source).containsOnly("default socket");
  }

  @Test
  void aContextUsesItsOwnTlsMaterialWhenItHasSome() throws IOException {
    context(home.resolve(".docker"), "h1", meta("secure", "tcp://secure:2376"));
    Path tls = Files.createDirectories(home.resolve(".docker/contexts/tls/h1/docker"));
    Files.writeString(tls.resolve("ca.pem"), "not read here");
    env.put("DOCKER_CONTEXT", "secure");

    assertThat(discovery().candidates()).singleElement()
        .satisfies(c -> assertThat(c.tlsDirectory()).isEqualTo(tls));
  }

  // ---------------------------------------------------------------- default sockets

  @Test
  void withNothingConfiguredTheDefaultSocketsAreTriedInOrder() throws IOException {
    env.put("XDG_RUNTIME_DIR", runtimeDir.toString());

    List<Candidate> found = discovery().candidates();

    assertThat(found).extracting(Candidate::endpoint).containsExactly(
        "unix:///var/run/iechor.sock",
        "unix:///var/run/docker.sock",
        "unix://" + runtimeDir.resolve("docker.sock"),
        "unix://" + home.resolve(".docker/run/docker.sock"),
        "unix:///run/podman/podman.sock",
        "unix://" + runtimeDir.resolve("podman/podman.sock"));
    assertThat(found).extracting(Candidate::source).containsOnly("default socket");
    // the sockets under the temporary directories do not exist; /var/run ones may, on a developer machine
    assertThat(List.of(found.get(2), found.get(3), found.get(5)))
        .extracting(Candidate::unavailable).containsOnly("no such socket");
  }

  @Test
  void aSocketThatExistsIsTried() throws IOException {
    env.put("XDG_RUNTIME_DIR", runtimeDir.toString());
    Files.createFile(runtimeDir.resolve("docker.sock"));

    Candidate userSocket = discovery().candidates().get(2);

    assertThat(userSocket.endpoint()).isEqualTo("unix://" + runtimeDir.resolve("docker.sock"));
    assertThat(userSocket.unavailable()).isNull();
  }

  @Test
  void withoutXdgRuntimeDirItsSocketsAreLeftOut() {
    assertThat(discovery().candidates()).extracting(Candidate::endpoint).containsExactly(
        "unix:///var/run/iechor.sock",
        "unix:///var/run/docker.sock",
        "unix://" + home.resolve(".docker/run/docker.sock"),
        "unix:///run/podman/podman.sock");
  }

  // ---------------------------------------------------------------- TLS

  @Test
  void noTlsUnlessVerifyIsSet() {
    env.put("DOCKER_CERT_PATH", "/certs");

    assertThat(discovery().tlsDirectory()).isNull();
  }

  @Test
  void tlsFromIechorCertPath() {
    env.put("IECHOR_TLS_VERIFY", "1");
    env.put("IECHOR_CERT_PATH", "/iechor-certs");
    env.put("DOCKER_CERT_PATH", "/docker-certs");

    assertThat(discovery().tlsDirectory()).isEqualTo(Path.of("/iechor-certs"));
  }

  @Test
  void tlsFromDockerCertPath() {
    env.put("DOCKER_TLS_VERIFY", "1");
    env.put("DOCKER_CERT_PATH", "/docker-certs");

    assertThat(discovery().tlsDirectory()).isEqualTo(Path.of("/docker-certs"));
  }

  @Test
  void tlsFromTheHomeConfigWhenNoPathIsGiven() {
    env.put("DOCKER_TLS_VERIFY", "1");

    assertThat(discovery().tlsDirectory()).isEqualTo(home.resolve(".docker"));
  }

  @Test
  void aHostVariableCarriesTheTlsDirectory() {
    env.put("DOCKER_HOST", "tcp://secure:2376");
    env.put("IECHOR_TLS_VERIFY", "1");
    env.put("IECHOR_CERT_PATH", "/certs");

    assertThat(discovery().candidates()).singleElement()
        .satisfies(c -> assertThat(c.tlsDirectory()).isEqualTo(Path.of("/certs")));
  }

  @Test
  void anExplicitTlsDirectoryBeatsTheEnvironment() {
    env.put("DOCKER_TLS_VERIFY", "1");
    env.put("DOCKER_CERT_PATH", "/docker-certs");

    assertThat(discovery().explicit("tcp://h:2376", Path.of("/mine")))
        .isEqualTo(new Candidate("tcp://h:2376", "given endpoint", Path.of("/mine"), null));
    assertThat(discovery().explicit("tcp://h:2376", null).tlsDirectory()).isEqualTo(Path.of("/docker-certs"));
  }

  // ---------------------------------------------------------------- through the client

  private EngineClient client() {
    return new EngineClient(new ClientSettings(null, Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ZERO),
        discovery(), Transports.fromClassPath());
  }

  @Test
  void theClientGoesWhereIechorHostPoints() throws IOException {
    int closedPort;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      closedPort = s.getLocalPort();
    }
    try (FakeEngine engine = FakeEngine.docker("1.41")) {
      env.put("IECHOR_HOST", engine.endpoint());
      env.put("DOCKER_HOST", "tcp://127.0.0.1:" + closedPort);
      EngineClient c = client();

      EngineInfo info = c.info();
      c.close();

      assertThat(info.endpoint()).isEqualTo(engine.endpoint());
      assertThat(engine.requests()).hasSize(1);
    }
  }

  @Test
  void theClientReportsAMissingContext() {
    env.put("DOCKER_CONTEXT", "gone");
    EngineClient c = client();

    assertThatThrownBy(c::info)
        .isInstanceOfSatisfying(EngineNotFoundException.class, e -> assertThat(e.attempts()).singleElement()
            .satisfies(a -> assertThat(a.failure()).contains("no such context")))
        .hasMessageContaining("gone");
  }

  @Test
  void theClientListsEverySocketItTried() {
    env.put("XDG_RUNTIME_DIR", runtimeDir.toString());
    EngineClient c = client();

    assertThatThrownBy(c::info)
        .isInstanceOfSatisfying(EngineNotFoundException.class, e -> {
          assertThat(e.attempts()).extracting(Attempt::endpoint).hasSize(6)
              .contains("unix://" + home.resolve(".docker/run/docker.sock"));
          assertThat(e.attempts()).filteredOn(a -> a.endpoint().contains(home.toString()))
              .extracting(Attempt::failure).containsExactly("no such socket");
        })
        .hasMessageContaining("Places tried")
        .hasMessageContaining(runtimeDir.resolve("docker.sock").toString())
        .hasMessageContaining("IECHOR_HOST");
  }
}
