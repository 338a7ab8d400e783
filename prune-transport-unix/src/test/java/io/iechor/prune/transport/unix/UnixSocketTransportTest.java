package io.iechor.prune.transport.unix;

import static io.iechor.prune.transport.unix.FakeEngine.replying;
import static io.iechor.prune.transport.unix.FakeEngine.replyingAndHolding;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.iechor.prune.spi.EngineRequest;
import io.iechor.prune.spi.EngineResponse;
import io.iechor.prune.spi.Transport;
import io.iechor.prune.spi.TransportOptions;
import io.iechor.prune.spi.TransportProvider;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.ProtocolException;
import java.net.SocketTimeoutException;
import java.net.StandardProtocolFamily;
import java.net.URI;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UnixSocketTransportTest {
  private static final TransportOptions OPTIONS =
      new TransportOptions(Duration.ofSeconds(5), Duration.ofSeconds(10), null);

  @TempDir
  Path dir;

  private static Transport open(Path socket, TransportOptions options) {
    return new UnixTransportProvider().open(URI.create("unix://" + socket), options);
  }

  private static String body(EngineResponse r) throws IOException {
    try (InputStream in = r.body()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void aPostIsWrittenByteForByteWithItsQueryEncoded() throws Exception {
    try (FakeEngine engine = new FakeEngine(dir, replying("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\n{}"));
        Transport t = open(engine.socket(), OPTIONS)) {
      Map<String, String> query = new LinkedHashMap<>();
      query.put("filters", "{\"label!\":{\"team=ünïcode café\":true}}");
      query.put("all", "true");
      try (EngineResponse r = t.execute(new EngineRequest("POST", "/v1.41/images/prune", query))) {
        assertThat(r.status()).isEqualTo(200);
      }

      assertThat(engine.takeRequest()).isEqualTo("POST /v1.41/images/prune"
          + "?filters=%7B%22label%21%22%3A%7B%22team%3D%C3%BCn%C3%AFcode%20caf%C3%A9%22%3Atrue%7D%7D&all=true HTTP/1.1\r\n"
          + "Host: localhost\r\n"
          + "User-Agent: iechor-prune/dev\r\n"
          + "Connection: close\r\n"
          + "Content-Length: 0\r\n"
          + "\r\n");
    }
  }

  @Test
  void aGetHasNoContentLengthAndEveryRequestHasItsOwnConnection() throws Exception {
    try (FakeEngine engine = new FakeEngine(dir, replying("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nOK"));
        Transport t = open(engine.socket(), OPTIONS)) {
      for (int i = 0; i < 2; i++) {
        try (EngineResponse r = t.execute(EngineRequest.of("GET", "/_ping"))) {
          assertThat(body(r)).isEqualTo("OK");
        }
      }

      String expected = "GET /_ping HTTP/1.1\r\nHost: localhost\r\nUser-Agent: iechor-prune/dev\r\n"
          + "Connection: close\r\n\r\n";
      // The fake engine closes each connection after its answer: a second answer proves a second connection.
      assertThat(engine.takeRequest()).isEqualTo(expected);
      assertThat(engine.takeRequest()).isEqualTo(expected);
    }
  }

  @Test
  void aContentLengthBodyIsReadToItsLengthAndHeadersAreFoundInAnyCase() throws Exception {
    String answer = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nApi-Version: 1.41\r\n"
        + "API-VERSION: 9.99\r\nContent-Length: 13\r\n\r\n{\"a\":\"b\"}\nxyzTRAILING-GARBAGE";
    try (FakeEngine engine = new FakeEngine(dir, replyingAndHolding(answer));
        Transport t = open(engine.socket(), OPTIONS);
        EngineResponse r = t.execute(EngineRequest.of("GET", "/x"))) {
      assertThat(r.header("content-type")).contains("application/json");
      assertThat(r.header("api-version")).contains("1.41");
      assertThat(r.header("Missing")).isEmpty();
      // The connection stays open: the body must end at Content-Length, not wait for more.
      assertTimeoutPreemptively(Duration.ofSeconds(5), () -> assertThat(body(r)).isEqualTo("{\"a\":\"b\"}\nxyz"));
    }
  }

  @Test
  void aChunkedBodyIsJoinedAndItsTrailersSkipped() throws Exception {
    String answer = "HTTP/1.1 200 OK\r\ntransfer-encoding: chunked\r\n\r\n"
        + "5\r\nhello\r\n"
        + "1;ext=1\r\n \r\n"
        + "B\r\nchunked wor\r\n"
        + "2\r\nld\r\n"
        + "0\r\nX-Trailer: yes\r\nX-Other: too\r\n\r\n";
    try (FakeEngine engine = new FakeEngine(dir, replyingAndHolding(answer));
        Transport t = open(engine.socket(), OPTIONS);
        EngineResponse r = t.execute(EngineRequest.of("POST", "/v1.41/containers/prune"))) {
      assertTimeoutPreemptively(Duration.ofSeconds(5),
          () -> assertThat(body(r)).isEqualTo("hello chunked world"));
    }
  }

  @Test
  void aBodyWithoutLengthEndsWhenTheEngineCloses() throws Exception {
    try (FakeEngine engine = new FakeEngine(dir, replying("HTTP/1.0 200 OK\r\n\r\nto the end\nof the stream"));
        Transport t = open(engine.socket(), OPTIONS);
        EngineResponse r = t.execute(EngineRequest.of("GET", "/x"))) {
      assertThat(body(r)).isEqualTo("to the end\nof the stream");
    }
  }

  @Test
  void headAnd204HaveNoBodyWhateverTheirHeadersSay() throws Exception {
    try (FakeEngine engine = new FakeEngine(dir,
        replyingAndHolding("HTTP/1.1 200 OK\r\nApi-Version: 1.41\r\nContent-Length: 100\r\n\r\n"));
        Transport t = open(engine.socket(), OPTIONS);
        EngineResponse r = t.execute(EngineRequest.of("HEAD", "/_ping"))) {
      assertThat(r.header("Api-Version")).contains("1.41");
      assertTimeoutPreemptively(Duration.ofSeconds(5), () -> assertThat(body(r)).isEmpty());
      assertThat(engine.takeRequest()).startsWith("HEAD /_ping HTTP/1.1\r\n").doesNotContain("Content-Length");
    }
    try (FakeEngine engine = new FakeEngine(Files.createDirectory(dir.resolve("second")),
        replyingAndHolding("HTTP/1.1 204 No Content\r\nContent-Length: 100\r\n\r\n"));
        Transport t = open(engine.socket(), OPTIONS);
        EngineResponse r = t.execute(EngineRequest.of("DELETE", "/x"))) {
      assertThat(r.status()).isEqualTo(204);
      assertTimeoutPreemptively(Duration.ofSeconds(5), () -> assertThat(body(r)).isEmpty());
    }
  }

  @Test
  void anEngineThatNeverAnswersRunsIntoTheReadTimeout() throws Exception {
    try (FakeEngine engine = new FakeEngine(dir, client -> { });
        Transport t = open(engine.socket(),
            new TransportOptions(Duration.ofSeconds(5), Duration.ofMillis(300), null))) {
      assertTimeoutPreemptively(Duration.ofSeconds(5), () ->
          assertThatThrownBy(() -> t.execute(EngineRequest.of("POST", "/v1.41/containers/prune")))
              .isInstanceOf(SocketTimeoutException.class)
              .hasMessageStartingWith("timeout")
              .hasMessageContaining("300 ms"));
    }
  }

  @Test
  void theOverallLimitEndsAnAnswerThatTrickles() throws Exception {
    FakeEngine.Script trickle = client -> {
      FakeEngine.write(client, "HTTP/1.1 200 OK\r\nContent-Length: 1000000\r\n\r\n");
      while (true) {
        FakeEngine.write(client, "x");
        Thread.sleep(50);
      }
    };
    try (FakeEngine engine = new FakeEngine(dir, trickle);
        Transport t = open(engine.socket(), OPTIONS)) {
      // Each byte comes well within the read timeout; only the limit on the whole exchange ends it.
      assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
        EngineResponse r = t.execute(EngineRequest.of("GET", "/_ping").withTimeout(Duration.ofMillis(500)));
        assertThatThrownBy(() -> body(r))
            .isInstanceOf(SocketTimeoutException.class)
            .hasMessageContaining("limit of 500 ms");
        r.close();
      });
    }
  }

  @Test
  void aMissingSocketSaysSo() {
    Transport t = open(dir.resolve("nothing.sock"), OPTIONS);
    assertThatThrownBy(() -> t.execute(EngineRequest.of("HEAD", "/_ping")))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("No such file or directory");
  }

  @Test
  void aSocketNobodyListensOnIsRefused() throws Exception {
    Path socket = dir.resolve("stale.sock");
    try (ServerSocketChannel s = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
      s.bind(UnixDomainSocketAddress.of(socket));
    }
    // The file stays behind, as after an engine that crashed.
    Transport t = open(socket, OPTIONS);
    assertThatThrownBy(() -> t.execute(EngineRequest.of("HEAD", "/_ping")))
        .isInstanceOf(ConnectException.class)
        .hasMessageContaining("Connection refused");
  }

  @Test
  void aBodyCutShortOfItsContentLengthIsAnError() throws Exception {
    try (FakeEngine engine = new FakeEngine(dir, replying("HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n{\"Con"));
        Transport t = open(engine.socket(), OPTIONS);
        EngineResponse r = t.execute(EngineRequest.of("GET", "/x"))) {
      assertThatThrownBy(() -> body(r)).isInstanceOf(IOException.class).hasMessageContaining("unexpected end of stream");
    }
  }

  @Test
  void aChunkedBodyCutShortIsAnError() throws Exception {
    try (FakeEngine engine = new FakeEngine(dir,
        replying("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n10\r\nonly a few"));
        Transport t = open(engine.socket(), OPTIONS);
        EngineResponse r = t.execute(EngineRequest.of("GET", "/x"))) {
      assertThatThrownBy(() -> body(r)).isInstanceOf(ProtocolException.class);
    }
  }

  @Test
  void aChunkedBodyWithoutItsLastChunkIsAnError() throws Exception {
    try (FakeEngine engine = new FakeEngine(dir,
        replying("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n"));
        Transport t = open(engine.socket(), OPTIONS);
        EngineResponse r = t.execute(EngineRequest.of("GET", "/x"))) {
      assertThatThrownBy(() -> body(r)).isInstanceOf(ProtocolException.class);
    }
  }

  @Test
  void somethingThatIsNotHttpIsAProtocolError() throws Exception {
    try (FakeEngine engine = new FakeEngine(dir, replying("SSH-2.0-OpenSSH_9.2\r\n"));
        Transport t = open(engine.socket(), OPTIONS)) {
      assertThatThrownBy(() -> t.execute(EngineRequest.of("HEAD", "/_ping")))
          .isInstanceOf(ProtocolException.class)
          .hasMessageContaining("SSH-2.0");
    }
  }

  @Test
  void aConnectionClosedBeforeAnyAnswerIsAnError() throws Exception {
    try (FakeEngine engine = new FakeEngine(dir, replying(""));
        Transport t = open(engine.socket(), OPTIONS)) {
      assertThatThrownBy(() -> t.execute(EngineRequest.of("HEAD", "/_ping")))
          .isInstanceOf(ProtocolException.class)
          .hasMessageContaining("unexpected end of stream");
    }
  }

  @Test
  void theProviderIsFoundByItsSchemeAndRefusesAHost() {
    TransportProvider provider = ServiceLoader.load(TransportProvider.class).stream()
        .map(ServiceLoader.Provider::get)
        .filter(p -> p.schemes().contains("unix"))
        .findFirst().orElseThrow();
    assertThat(provider).isInstanceOf(UnixTransportProvider.class);
    assertThat(provider.open(URI.create("unix:///var/run/docker.sock"), OPTIONS).endpoint())
        .isEqualTo("unix:///var/run/docker.sock");
    assertThatThrownBy(() -> provider.open(URI.create("unix://host/var/run/docker.sock"), OPTIONS))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("absolute path");
  }
}
