package io.iechor.prune.core.http;

import io.iechor.prune.spi.EngineRequest;
import io.iechor.prune.spi.EngineResponse;
import io.iechor.prune.spi.Transport;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * A {@link Transport} over an OkHttp client. Used for TCP (plain and TLS) here and, with a Unix
 * socket factory, by {@code prune-transport-unix}.
 */
public final class OkHttpTransport implements Transport {
  private static final RequestBody EMPTY = RequestBody.create(new byte[0], null);

  private final OkHttpClient client;
  private final HttpUrl base;
  private final String endpoint;
  private final UnaryOperator<IOException> diagnose;

  /**
   * @param client configured with timeouts, TLS or a socket factory; this transport owns it
   * @param base scheme, host and port the requests go to, e.g. {@code http://localhost/}
   * @param endpoint the endpoint as the user named it, for messages
   */
  public OkHttpTransport(OkHttpClient client, HttpUrl base, String endpoint) {
    this(client, base, endpoint, UnaryOperator.identity());
  }

  /**
   * @param diagnose turns a failure into one that says more (e.g. which TLS certificate is wrong)
   */
  public OkHttpTransport(OkHttpClient client, HttpUrl base, String endpoint, UnaryOperator<IOException> diagnose) {
    this.client = Objects.requireNonNull(client, "client");
    this.base = Objects.requireNonNull(base, "base");
    this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
    this.diagnose = Objects.requireNonNull(diagnose, "diagnose");
  }

  @Override
  public EngineResponse execute(EngineRequest request) throws IOException {
    HttpUrl.Builder url = base.newBuilder().encodedPath(request.path());
    for (Map.Entry<String, String> q : request.query().entrySet()) {
      url.addQueryParameter(q.getKey(), q.getValue());
    }
    RequestBody body = request.method().equals("POST") ? EMPTY : null;
    Request r = new Request.Builder().url(url.build()).method(request.method(), body).build();
    okhttp3.Call call = client.newCall(r);
    request.overallTimeout().ifPresent(t -> call.timeout().timeout(t.toMillis(), TimeUnit.MILLISECONDS));
    try {
      return new OkHttpResponse(call.execute());
    } catch (IOException e) {
      throw diagnose.apply(e);
    }
  }

  @Override
  public String endpoint() {
    return endpoint;
  }

  @Override
  public void close() {
    client.dispatcher().executorService().shutdown();
    client.connectionPool().evictAll();
  }

  private static final class OkHttpResponse implements EngineResponse {
    private final Response response;

    OkHttpResponse(Response response) {
      this.response = response;
    }

    @Override
    public int status() {
      return response.code();
    }

    @Override
    public Optional<String> header(String name) {
      return Optional.ofNullable(response.header(name));
    }

    @Override
    public InputStream body() {
      ResponseBody b = response.body();
      return b.byteStream();
    }

    @Override
    public void close() {
      response.close();
    }
  }
}
