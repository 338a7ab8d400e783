package io.iechor.prune.benchmarks;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.PruneType;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.zerodep.ZerodepDockerHttpClient;
import io.iechor.prune.PruneClient;
import io.iechor.prune.Pruner;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import okhttp3.ConnectionPool;
import okhttp3.ConnectionSpec;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.newsclub.net.unix.AFUNIXSocketFactory;

/**
 * Where the library's warm time goes: the same container prune through the library, docker-java, OkHttp
 * over junixsocket set up as {@code UnixTransportProvider} sets it up (its settings copied here,
 * since the library's client cannot be reached from outside), through that set-up with one setting
 * changed at a time, through a junixsocket socket by hand, and the floor. Rounds are interleaved
 * (one round of each variant, then the next round), so a busy machine slows them all alike; the
 * median per call of all measured rounds is printed.
 *
 * <pre>{@code java -cp ... io.iechor.prune.benchmarks.TransportVariants /path/docker.sock [calls per round] [rounds]}</pre>
 */
public final class TransportVariants {
  private static final byte[] REQUEST_HEAD = "POST %s HTTP/1.1\r\nHost: localhost\r\nContent-Length: 0\r\n\r\n"
      .getBytes(StandardCharsets.ISO_8859_1);

  private TransportVariants() {
  }

  public static void main(String[] args) throws IOException {
    String socket = args[0];
    int calls = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
    int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 6;
    RawHttp floor = new RawHttp(Path.of(socket));
    String path = "/v" + floor.exchange("HEAD", "/_ping", null, "Api-Version").header() + "/containers/prune";
    PruneClient library = Pruner.connect("unix://" + socket);
    library.engine();

    Map<String, Runnable> variants = new LinkedHashMap<>();
    variants.put("library: Pruner.connect(unix).containers().run()", () -> library.containers().run());
    PruneClient prototype = Pruner.connect("jdkunix://" + socket);
    prototype.engine();
    variants.put("library on the benchmark's prototype JDK-channel transport (jdkunix://)",
        () -> prototype.containers().run());
    variants.put("OkHttp + junixsocket as UnixTransportProvider sets them up", okHttp(socket, path, b -> b));
    variants.put("  same, with proxy(Proxy.NO_PROXY)", okHttp(socket, path, b -> b.proxy(Proxy.NO_PROXY)));
    variants.put("  same, with fastFallback(false)", okHttp(socket, path, b -> b.fastFallback(false)));
    variants.put("  same, with NO_PROXY + fastFallback(false) + CLEARTEXT", okHttp(socket, path,
        b -> b.proxy(Proxy.NO_PROXY).fastFallback(false).connectionSpecs(List.of(ConnectionSpec.CLEARTEXT))));
    variants.put("  same, keep-alive pool (not the library's choice)", okHttp(socket, path,
        b -> b.connectionPool(new ConnectionPool())));
    variants.put("junixsocket socket by hand, no OkHttp", junixsocket(socket, path));
    DockerClientConfig config = DefaultDockerClientConfig.createDefaultConfigBuilder()
        .withDockerHost("unix://" + socket).build();
    DockerClient dockerJava = DockerClientImpl.getInstance(config, new ZerodepDockerHttpClient.Builder()
        .dockerHost(config.getDockerHost()).build());
    variants.put("docker-java 3.5.1 zerodep (keep-alive pool)", () -> dockerJava.pruneCmd(PruneType.CONTAINERS).exec());
    variants.put("floor: JDK SocketChannel by hand", () -> {
      try {
        floor.exchange("POST", path, null, null);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });

    Map<String, List<Long>> times = new LinkedHashMap<>();
    variants.keySet().forEach(k -> times.put(k, new ArrayList<>()));
    for (int round = -2; round < rounds; round++) { // two warm-up rounds
      for (Map.Entry<String, Runnable> v : variants.entrySet()) {
        for (int i = 0; i < calls; i++) {
          long start = System.nanoTime();
          v.getValue().run();
          long took = System.nanoTime() - start;
          if (round >= 0) {
            times.get(v.getKey()).add(took);
          }
        }
      }
    }
    Map<String, Double> medians = new LinkedHashMap<>();
    for (Map.Entry<String, List<Long>> t : times.entrySet()) {
      long[] sorted = t.getValue().stream().mapToLong(Long::longValue).toArray();
      Arrays.sort(sorted);
      medians.put(t.getKey(), sorted[sorted.length / 2] / 1e3);
    }
    double floorMedian = medians.get("floor: JDK SocketChannel by hand");
    medians.forEach((k, v) -> System.out.printf("%.1f\t%.2f\t%s%n", v, v / floorMedian, k));
    library.close();
    prototype.close();
    dockerJava.close();
    System.exit(0); // OkHttp's pool threads of the variants
  }

  private static Runnable okHttp(String socket, String path, java.util.function.UnaryOperator<OkHttpClient.Builder> change) {
    // The settings of UnixTransportProvider.open, with the library's default timeouts.
    OkHttpClient.Builder b = new OkHttpClient.Builder()
        .socketFactory(new AFUNIXSocketFactory.FactoryArg(new File(socket)))
        .dns(host -> List.of(InetAddress.getLoopbackAddress()))
        .connectionPool(new ConnectionPool(0, 1, TimeUnit.MILLISECONDS))
        .retryOnConnectionFailure(false)
        .followRedirects(false)
        .connectTimeout(Duration.ofSeconds(10))
        .readTimeout(Duration.ofMinutes(10))
        .writeTimeout(Duration.ofMinutes(10));
    OkHttpClient client = change.apply(b).build();
    HttpUrl url = new HttpUrl.Builder().scheme("http").host("localhost").build().newBuilder().encodedPath(path).build();
    RequestBody empty = RequestBody.create(new byte[0], null);
    return () -> {
      try (Response r = client.newCall(new Request.Builder().url(url).method("POST", empty).build()).execute()) {
        r.body().bytes();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    };
  }

  private static Runnable junixsocket(String socket, String path) {
    AFUNIXSocketFactory factory = new AFUNIXSocketFactory.FactoryArg(new File(socket));
    byte[] request = new String(REQUEST_HEAD, StandardCharsets.ISO_8859_1).formatted(path)
        .getBytes(StandardCharsets.ISO_8859_1);
    return () -> {
      try (Socket s = factory.createSocket()) {
        s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), 80), 10_000);
        OutputStream out = s.getOutputStream();
        out.write(request);
        out.flush();
        readAnswer(s.getInputStream());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    };
  }

  /** Reads headers up to the blank line, then Content-Length bytes. */
  private static void readAnswer(InputStream in) throws IOException {
    byte[] buf = new byte[8192];
    int got = 0;
    int headerEnd = -1;
    while (headerEnd < 0) {
      int n = in.read(buf, got, buf.length - got);
      if (n < 0) {
        throw new IOException("closed before the headers ended");
      }
      got += n;
      for (int i = 3; i < got; i++) {
        if (buf[i] == '\n' && buf[i - 1] == '\r' && buf[i - 2] == '\n' && buf[i - 3] == '\r') {
          headerEnd = i + 1;
          break;
        }
      }
    }
    String head = new String(buf, 0, headerEnd, StandardCharsets.ISO_8859_1).toLowerCase();
    int at = head.indexOf("content-length:");
    int length = Integer.parseInt(head.substring(at + 15, head.indexOf('\r', at)).trim());
    int need = headerEnd + length - got;
    while (need > 0) {
      int n = in.read(buf, 0, Math.min(buf.length, need));
      if (n < 0) {
        throw new IOException("closed before the body ended");
      }
      need -= n;
    }
  }
}
