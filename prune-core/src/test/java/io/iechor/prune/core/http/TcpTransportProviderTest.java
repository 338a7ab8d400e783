package io.iechor.prune.core.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.iechor.prune.core.tls.TlsSetupException;
import io.iechor.prune.spi.EngineRequest;
import io.iechor.prune.spi.EngineResponse;
import io.iechor.prune.spi.Transport;
import io.iechor.prune.spi.TransportOptions;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The TCP transport: what goes on the wire, and when TLS is used. */
class TcpTransportProviderTest {
  private static final TransportOptions PLAIN = new TransportOptions(Duration.ofSeconds(5), Duration.ofSeconds(5),
      null);

  private final TcpTransportProvider provider = new TcpTransportProvider();
  private final MockWebServer server = new MockWebServer();

  @BeforeEach
  void start() throws IOException {
    server.start(InetAddress.getByName("127.0.0.1"), 0);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private URI endpoint(String scheme) {
    return URI.create(scheme + "://127.0.0.1:" + server.getPort());
  }

  @Test
  void sendsMethodPathAndEncodedQuery() throws Exception {
    server.enqueue(new MockResponse.Builder().code(200).addHeader("Api-Version", "1.41").body("{}").build());

    try (Transport t = provider.open(endpoint("tcp"), PLAIN);
        EngineResponse r = t.execute(new EngineRequest("POST", "/v1.41/images/prune",
            Map.of("filters", "{\"label\":{\"a=b c&d\":true}}")))) {
      assertThat(r.status()).isEqualTo(200);
      assertThat(r.header("api-version")).contains("1.41");
      assertThat(r.body().readAllBytes()).isEqualTo("{}".getBytes());
    }

    RecordedRequest sent = server.takeRequest();
    assertThat(sent.getMethod()).isEqualTo("POST");
    assertThat(sent.getUrl().encodedPath()).isEqualTo("/v1.41/images/prune");
    assertThat(sent.getUrl().queryParameter("filters")).isEqualTo("{\"label\":{\"a=b c&d\":true}}");
    assertThat(sent.getBodySize()).isZero();
  }

  @Test
  void aHeadRequestHasNoBody() throws Exception {
    server.enqueue(new MockResponse.Builder().code(200).addHeader("Api-Version", "1.41").build());

    try (Transport t = provider.open(endpoint("tcp"), PLAIN);
        EngineResponse r = t.execute(EngineRequest.of("HEAD", "/_ping"))) {
      assertThat(r.status()).isEqualTo(200);
      assertThat(r.header("Missing")).isEmpty();
    }

    assertThat(server.takeRequest().getMethod()).isEqualTo("HEAD");
  }

  @ParameterizedTest
  @ValueSource(strings = {"https", "HTTPS", "Https"})
  void httpsIsNeverSentInTheClear(String scheme) {
    server.enqueue(new MockResponse.Builder().code(200).addHeader("Api-Version", "1.41").build());

    try (Transport t = provider.open(endpoint(scheme), PLAIN)) {
      // The server speaks plain HTTP, so a TLS handshake with it must fail.
      assertThatThrownBy(() -> t.execute(EngineRequest.of("HEAD", "/_ping")).close())
          .isInstanceOf(IOException.class);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"tcp", "TCP"})
  void tcpWithACertificateDirectoryUsesTls(String scheme, @TempDir Path emptyDir) {
    TransportOptions tls = new TransportOptions(Duration.ofSeconds(5), Duration.ofSeconds(5), emptyDir);

    // The directory has no ca.pem: loading the TLS material is attempted, and fails.
    assertThatThrownBy(() -> provider.open(endpoint(scheme), tls)).isInstanceOf(TlsSetupException.class)
        .hasMessageContaining("ca.pem");
  }

  @Test
  void refusesAnEndpointWithoutAHost() {
    assertThatThrownBy(() -> provider.open(URI.create("tcp:///path"), PLAIN))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("No host");
  }
}
