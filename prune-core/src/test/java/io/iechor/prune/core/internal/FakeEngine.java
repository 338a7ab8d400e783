package io.iechor.prune.core.internal;

import io.iechor.prune.spi.ClientSettings;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okio.Buffer;

/**
 * An engine scripted on MockWebServer: it answers {@code /_ping} itself, as Docker 20.10 and 26.1
 * or Podman 4.3 did in the recorded transcripts, and every other request from a queue of answers. It
 * records every request, in order.
 */
final class FakeEngine implements AutoCloseable {
  static final String DOCKER_SERVER = "Docker/20.10.24+dfsg1 (linux)";
  static final String DOCKER_26_SERVER = "Docker/26.1.5+dfsg1 (linux)";
  static final String PODMAN_SERVER = "Libpod/4.3.1 (linux)";

  private final MockWebServer server = new MockWebServer();
  private final BlockingQueue<MockResponse> answers = new LinkedBlockingQueue<>();
  private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();
  private final List<EngineClient> clients = new ArrayList<>();
  private final String apiVersion;
  private final String podmanVersion;
  private final String dockerServer;
  private volatile boolean headRefused;
  private volatile int pingStatus = 200;
  private volatile boolean apiVersionOmitted;
  private volatile MockResponse repeated;

  private FakeEngine(String apiVersion, String podmanVersion, String dockerServer) {
    this.apiVersion = apiVersion;
    this.podmanVersion = podmanVersion;
    this.dockerServer = dockerServer;
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        requests.add(request);
        if (request.getUrl().encodedPath().equals("/_ping")) {
          return ping(request.getMethod());
        }
        MockResponse next = answers.poll();
        if (next == null) {
          next = repeated;
        }
        return next != null ? next : new MockResponse.Builder().code(599)
            .body("FakeEngine: no answer queued for " + request.getRequestLine()).build();
      }
    });
    try {
      server.start(InetAddress.getByName("127.0.0.1"), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Docker answering {@code Api-Version: apiVersion}. */
  static FakeEngine docker(String apiVersion) {
    return new FakeEngine(apiVersion, null, DOCKER_SERVER);
  }

  /** Docker 26.1.5 (API 1.45), whose ping also says {@code Builder-Version} and {@code Swarm}. */
  static FakeEngine docker26() {
    return new FakeEngine("1.45", null, DOCKER_26_SERVER);
  }

  /** Podman 4.3.1's Docker-compatible service answering {@code Api-Version: apiVersion}. */
  static FakeEngine podman(String apiVersion) {
    return podman(apiVersion, "4.3.1");
  }

  /** Podman {@code podmanVersion}'s Docker-compatible service answering {@code Api-Version: apiVersion}. */
  static FakeEngine podman(String apiVersion, String podmanVersion) {
    return new FakeEngine(apiVersion, podmanVersion, null);
  }

  /** Answers {@code HEAD /_ping} with 405, as some proxies and old engines do. */
  FakeEngine refusingHead() {
    headRefused = true;
    return this;
  }

  /** Answers both pings with a plain-text 404, as a web server that is not an engine would. */
  FakeEngine notAnEngine() {
    pingStatus = 404;
    return this;
  }

  /** Answers the ping without an {@code Api-Version} header. */
  FakeEngine withoutApiVersion() {
    apiVersionOmitted = true;
    return this;
  }

  private MockResponse ping(String method) {
    if (method.equals("HEAD") && headRefused) {
      return new MockResponse.Builder().code(405).build();
    }
    if (pingStatus != 200) {
      MockResponse.Builder b = new MockResponse.Builder().code(pingStatus);
      return method.equals("HEAD") ? b.build() : b.body("404 page not found\n").build();
    }
    MockResponse.Builder b = new MockResponse.Builder().code(200);
    if (!apiVersionOmitted) {
      b.addHeader("Api-Version", apiVersion);
    }
    b.addHeader("Cache-Control", "no-cache, no-store, must-revalidate")
        .addHeader("Pragma", "no-cache");
    if (podmanVersion != null) {
      b.addHeader("Docker-Experimental", "true")
          .addHeader("Libpod-Api-Version", podmanVersion)
          .addHeader("Libpod-Buildah-Version", "1.28.2")
          .addHeader("Server", "Libpod/" + podmanVersion + " (linux)");
    } else {
      b.addHeader("Docker-Experimental", "false")
          .addHeader("Ostype", "linux")
          .addHeader("Server", dockerServer);
      if (dockerServer.equals(DOCKER_26_SERVER)) {
        b.addHeader("Builder-Version", "2").addHeader("Swarm", "inactive");
      }
    }
    if (method.equals("GET")) {
      b.addHeader("Content-Type", "text/plain; charset=utf-8").body("OK");
    }
    return b.build();
  }

  // ---------------------------------------------------------------- answers

  FakeEngine answer(MockResponse response) {
    answers.add(response);
    return this;
  }

  /** An answer with a JSON body. */
  FakeEngine answer(int status, String json) {
    return answer(new MockResponse.Builder().code(status).addHeader("Content-Type", "application/json")
        .body(json).build());
  }

  /** A 200 answer with a JSON body. */
  FakeEngine answer(String json) {
    return answer(200, json);
  }

  /** An answer with a body recorded from a real engine (see {@code responses/README.md}). */
  FakeEngine answerRecorded(int status, String resource) {
    String type = resource.endsWith(".json") ? "application/json" : "text/plain; charset=utf-8";
    return answer(new MockResponse.Builder().code(status).addHeader("Content-Type", type)
        .body(new Buffer().write(recorded(resource))).build());
  }

  /** A 200 answer recorded from a real engine. */
  FakeEngine answerRecorded(String resource) {
    return answerRecorded(200, resource);
  }

  /** The answer to every request once the queue is empty. */
  FakeEngine alwaysAnswer(MockResponse response) {
    repeated = response;
    return this;
  }

  static byte[] recorded(String resource) {
    try (InputStream in = FakeEngine.class.getResourceAsStream("/responses/" + resource)) {
      if (in == null) {
        throw new IllegalArgumentException("No recorded response " + resource);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  // ---------------------------------------------------------------- clients

  String endpoint() {
    return "tcp://127.0.0.1:" + server.getPort();
  }

  /** A client for this engine, with no environment and a home that holds nothing. */
  EngineClient client() {
    return client(Duration.ofSeconds(10), Duration.ZERO);
  }

  EngineClient client(Duration readTimeout, Duration retryOnConflict) {
    EngineClient c = new EngineClient(
        new ClientSettings(endpoint(), Duration.ofSeconds(5), readTimeout, retryOnConflict),
        new Discovery(name -> null, Path.of("/nonexistent-home-for-tests")), Transports.fromClassPath());
    clients.add(c);
    return c;
  }

  // ---------------------------------------------------------------- what was sent

  /** Every request, pings included, in order. */
  List<RecordedRequest> requests() {
    return List.copyOf(requests);
  }

  /** The requests other than pings, in order. */
  List<RecordedRequest> pruneRequests() {
    return requests.stream().filter(r -> !r.getUrl().encodedPath().equals("/_ping")).toList();
  }

  /** The only request other than pings. */
  RecordedRequest onlyPruneRequest() {
    List<RecordedRequest> prunes = pruneRequests();
    if (prunes.size() != 1) {
      throw new AssertionError("expected one prune request, got " + prunes);
    }
    return prunes.get(0);
  }

  /** Method and path of each request other than pings, e.g. {@code POST /v1.41/containers/prune}. */
  List<String> pruneRequestLines() {
    return pruneRequests().stream().map(r -> r.getMethod() + " " + r.getUrl().encodedPath()).toList();
  }

  /** The decoded {@code filters} parameter, or {@code null} when it was not sent. */
  static Object filters(RecordedRequest r) {
    String json = r.getUrl().queryParameter("filters");
    if (json == null) {
      return null;
    }
    try {
      return SmallJson.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    } catch (IOException e) {
      throw new AssertionError("filters is not JSON: " + json, e);
    }
  }

  /** The query parameters other than {@code filters}. */
  static Map<String, String> options(RecordedRequest r) {
    Map<String, String> out = new java.util.LinkedHashMap<>();
    for (String name : r.getUrl().queryParameterNames()) {
      if (!name.equals("filters")) {
        out.put(name, r.getUrl().queryParameter(name));
      }
    }
    return out;
  }

  @Override
  public void close() {
    clients.forEach(EngineClient::close);
    server.close();
  }
}
