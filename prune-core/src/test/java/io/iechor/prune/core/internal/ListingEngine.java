package io.iechor.prune.core.internal;

import io.iechor.prune.spi.ClientSettings;
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
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

/**
 * An engine that answers the planner's list and inspect requests from the answers recorded on a
 * real engine ({@code src/test/resources/lists/<engine>}, see its README), and any request from
 * answers a test scripts for it. It records every request but the pings, as {@code METHOD path?query}.
 */
final class ListingEngine implements AutoCloseable {
  private static final Pattern VERSIONED = Pattern.compile("/v[0-9.]+(/.*)");

  private final MockWebServer server = new MockWebServer();
  private final String directory;
  private final String apiVersion;
  private final String serverHeader;
  private final boolean podman;
  private final Map<String, MockResponse> scripted = new ConcurrentHashMap<>();
  private final List<String> requests = new CopyOnWriteArrayList<>();
  private final List<EngineClient> clients = new ArrayList<>();

  private ListingEngine(String directory, String apiVersion, String server, boolean podman) {
    this.directory = directory;
    this.apiVersion = apiVersion;
    this.serverHeader = server;
    this.podman = podman;
    this.server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        return answer(request);
      }
    });
    try {
      this.server.start(InetAddress.getByName("127.0.0.1"), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static ListingEngine docker20() {
    return new ListingEngine("docker-20.10.24", "1.41", "Docker/20.10.24+dfsg1 (linux)", false);
  }

  static ListingEngine docker26() {
    return new ListingEngine("docker-26.1.5", "1.45", "Docker/26.1.5+dfsg1 (linux)", false);
  }

  static ListingEngine podman4() {
    return new ListingEngine("podman-4.3.1", "1.41", "Libpod/4.3.1 (linux)", true);
  }

  /** Answers {@code METHOD path} (path without the version prefix) with {@code status} and {@code body}. */
  ListingEngine script(String methodAndPath, int status, String body) {
    scripted.put(methodAndPath, new MockResponse.Builder().code(status).body(body)
        .addHeader("Content-Type", "application/json").build());
    return this;
  }

  /** Answers {@code METHOD path} with 204 and no body. */
  ListingEngine noContent(String methodAndPath) {
    scripted.put(methodAndPath, new MockResponse.Builder().code(204).build());
    return this;
  }

  /** The recorded answer {@code file} of this engine. */
  String recorded(String file) {
    String resource = "/lists/" + directory + "/" + file;
    try (InputStream in = ListingEngine.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalArgumentException("no recorded answer " + resource);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Requests but pings, as {@code METHOD /vX/path?query} with the query decoded. */
  List<String> requests() {
    return List.copyOf(requests);
  }

  EngineClient client() {
    EngineClient c = new EngineClient(new ClientSettings("tcp://127.0.0.1:" + server.getPort(), Duration.ofSeconds(5),
        Duration.ofSeconds(10), Duration.ZERO), new Discovery(name -> null, Path.of("/nonexistent-home-for-tests")),
        Transports.fromClassPath());
    clients.add(c);
    return c;
  }

  private MockResponse answer(RecordedRequest r) {
    String path = r.getUrl().encodedPath();
    if (path.equals("/_ping")) {
      return ping(r.getMethod());
    }
    String query = r.getUrl().query();
    requests.add(r.getMethod() + " " + r.getUrl().encodedPath().replace("%5C", "\\") + (query == null ? "" : "?" + query));
    Matcher m = VERSIONED.matcher(path);
    String bare = m.matches() ? m.group(1) : path;
    MockResponse s = scripted.get(r.getMethod() + " " + bare);
    if (s != null) {
      return s;
    }
    String file = r.getMethod().equals("GET") ? file(bare) : null;
    if (file == null) {
      return new MockResponse.Builder().code(404).body("{\"message\":\"not recorded: " + bare + "\"}").build();
    }
    return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json").body(recorded(file))
        .build();
  }

  private String file(String path) {
    return switch (path) {
      case "/info" -> "info.json";
      case "/containers/json" -> "containers.json";
      case "/images/json" -> "images.json";
      case "/volumes" -> "volumes.json";
      case "/networks" -> "networks.json";
      case "/system/df" -> "df.json";
      case "/libpod/containers/json" -> "libpod-containers.json";
      default -> path.startsWith("/networks/") ? networkFile(path.substring("/networks/".length())) : null;
    };
  }

  /** {@code network-<name>.json} for the network of that ID in the recorded list. */
  private String networkFile(String id) {
    Matcher m = Pattern.compile("\"Name\": \"([^\"]+)\",\\s*\"Id\": \"" + Pattern.quote(id) + "\"")
        .matcher(recorded("networks.json"));
    return m.find() ? "network-" + m.group(1) + ".json" : null;
  }

  private MockResponse ping(String method) {
    MockResponse.Builder b = new MockResponse.Builder().code(200).addHeader("Api-Version", apiVersion)
        .addHeader("Server", serverHeader);
    if (podman) {
      b.addHeader("Libpod-Api-Version", "4.3.1");
    }
    if (method.equals("GET")) {
      b.body("OK");
    }
    return b.build();
  }

  /** Stops answering, as an engine that died; clients stay open. */
  void stop() {
    server.close();
  }

  @Override
  public void close() {
    clients.forEach(EngineClient::close);
    server.close();
  }
}
