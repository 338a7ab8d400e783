package io.iechor.prune.benchmarks;

import io.iechor.prune.spi.EngineRequest;
import io.iechor.prune.spi.EngineResponse;
import io.iechor.prune.spi.Transport;
import io.iechor.prune.spi.TransportOptions;
import io.iechor.prune.spi.TransportProvider;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * {@code replay://}: a transport that answers from memory, so that the parsing benchmark runs the
 * library's real path (request building, the engine client, the response reader, the report)
 * without a socket. It pings as Docker 20.10 and answers every prune with {@link #answer}.
 */
public final class ReplayTransportProvider implements TransportProvider {
  /** The body every prune gets; set by the benchmark before it connects. */
  static volatile byte[] answer = "{}".getBytes();

  @Override
  public Set<String> schemes() {
    return Set.of("replay");
  }

  @Override
  public Transport open(URI endpoint, TransportOptions options) {
    return new Transport() {
      @Override
      public EngineResponse execute(EngineRequest request) {
        boolean ping = request.path().equals("/_ping");
        return new Response(ping ? new byte[0] : answer);
      }

      @Override
      public String endpoint() {
        return endpoint.toString();
      }

      @Override
      public void close() {
      }
    };
  }

  private static final class Response implements EngineResponse {
    private static final Map<String, String> HEADERS = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);

    static {
      HEADERS.put("Api-Version", "1.41");
      HEADERS.put("Server", "Docker/20.10.24+dfsg1 (linux)");
      HEADERS.put("Content-Type", "application/json");
    }

    private final byte[] body;

    Response(byte[] body) {
      this.body = body;
    }

    @Override
    public int status() {
      return 200;
    }

    @Override
    public Optional<String> header(String name) {
      return Optional.ofNullable(HEADERS.get(name));
    }

    @Override
    public InputStream body() {
      return new ByteArrayInputStream(body);
    }

    @Override
    public void close() {
    }
  }
}
