package io.iechor.prune.benchmarks;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.PruneResponse;
import com.github.dockerjava.api.model.PruneType;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.zerodep.ZerodepDockerHttpClient;
import io.iechor.prune.PruneClient;
import io.iechor.prune.Pruner;
import io.iechor.prune.report.ContainerPruneReport;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Warm container prunes on an empty engine over its Unix socket, one thread, in one JVM: the
 * library, the floor ({@link RawHttp}) and docker-java with its zerodep transport. Each call
 * is timed ({@link Mode#SampleTime}), so the median per call is reported.
 *
 * <p>Each client is made once and reused, as an application would. The library and the floor open
 * a new connection per request; docker-java keeps its connections alive in a pool.
 *
 * <pre>{@code java -cp ... org.openjdk.jmh.Main WarmPruneBenchmark -p socket=/path/docker.sock}</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class WarmPruneBenchmark {
  /** The engine's socket; no default engine is ever touched. */
  @Param("")
  public String socket;

  private PruneClient library;
  private RawHttp floor;
  private String floorTarget;
  private DockerClient dockerJava;

  @Setup(Level.Trial)
  public void connect() throws IOException {
    if (socket.isEmpty()) {
      throw new IllegalArgumentException("give the engine's socket: -p socket=/path/docker.sock");
    }
    library = Pruner.connect("unix://" + socket);
    library.engine(); // the version ping happens once, here
    floor = new RawHttp(Path.of(socket));
    floorTarget = "/v" + floor.exchange("HEAD", "/_ping", null, "Api-Version").header() + "/containers/prune";
    DockerClientConfig config = DefaultDockerClientConfig.createDefaultConfigBuilder()
        .withDockerHost("unix://" + socket).build();
    dockerJava = DockerClientImpl.getInstance(config, new ZerodepDockerHttpClient.Builder()
        .dockerHost(config.getDockerHost()).build());
  }

  @TearDown(Level.Trial)
  public void close() throws IOException {
    library.close();
    dockerJava.close();
  }

  @Benchmark
  public ContainerPruneReport library() {
    return library.containers().run();
  }

  @Benchmark
  public Object floor() throws IOException {
    RawHttp.Answer a = floor.exchange("POST", floorTarget, null, null);
    if (a.status() != 200) {
      throw new IOException("status " + a.status());
    }
    return a;
  }

  @Benchmark
  public PruneResponse dockerJava() {
    return dockerJava.pruneCmd(PruneType.CONTAINERS).exec();
  }
}
