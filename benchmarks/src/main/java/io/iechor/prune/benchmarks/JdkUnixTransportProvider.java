package io.iechor.prune.benchmarks;

import io.iechor.prune.spi.EngineRequest;
import io.iechor.prune.spi.EngineResponse;
import io.iechor.prune.spi.Transport;
import io.iechor.prune.spi.TransportOptions;
import io.iechor.prune.spi.TransportProvider;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code jdkunix:///path/engine.sock}: a measurement prototype, not a transport for users. It
 * carries the library's requests with the floor's code ({@link RawHttp}: the JDK's own Unix
 * channel, a new connection per request, no OkHttp, no junixsocket), so that the benchmarks can show
 * what the library would cost on such a transport. It has no timeouts and reads each answer whole.
 */
public final class JdkUnixTransportProvider implements TransportProvider {

  @Override
  public Set<String> schemes() {
    return Set.of("jdkunix");
  }

  @Override
  public Transport open(URI endpoint, TransportOptions options) {
    RawHttp http = new RawHttp(Path.of(endpoint.getPath()));
    return new Transport() {
      @Override
      public EngineResponse execute(EngineRequest request) throws IOException {
        StringBuilder target = new StringBuilder(request.path());
        char sep = '?';
        for (Map.Entry<String, String> q : request.query().entrySet()) {
          target.append(sep).append(encode(q.getKey())).append('=').append(encode(q.getValue()));
          sep = '&';
        }
        return new Response(http.exchange(request.method(), target.toString(), null, "*"));
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

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private record Response(RawHttp.Answer answer) implements EngineResponse {
    @Override
    public int status() {
      return answer.status();
    }

    @Override
    public Optional<String> header(String name) {
      return Optional.ofNullable(answer.headers().get(name.toLowerCase(Locale.ROOT)));
    }

    @Override
    public InputStream body() {
      return new ByteArrayInputStream(answer.body());
    }

    @Override
    public void close() {
    }
  }
}
