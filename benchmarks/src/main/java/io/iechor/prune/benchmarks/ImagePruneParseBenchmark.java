package io.iechor.prune.benchmarks;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.iechor.prune.PruneClient;
import io.iechor.prune.Pruner;
import io.iechor.prune.report.ImagePruneReport;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
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
 * Mapping an image prune answer of {@code entries} entries ({@link ImagePruneBody}) into an
 * {@link ImagePruneReport}, through the public API on the {@code replay://} transport: what a
 * user pays after the bytes have arrived. Run with {@code -prof gc} for bytes allocated per call.
 *
 * <p>{@link #jacksonStrings()} is the reference: Jackson's streaming parser over the same bytes,
 * keeping every string value in a list and nothing else, the least any mapping has to do.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class ImagePruneParseBenchmark {
  @Param("10000")
  public int entries;

  private byte[] body;
  private PruneClient client;
  private final JsonFactory json = new JsonFactory();

  @Setup(Level.Trial)
  public void setUp() {
    body = ImagePruneBody.build(entries);
    ReplayTransportProvider.answer = body;
    client = Pruner.connect("replay://engine");
    client.engine();
    ImagePruneReport r = client.images().run();
    if (r.deletions().size() != entries) {
      throw new IllegalStateException("read " + r.deletions().size() + " entries, expected " + entries);
    }
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    client.close();
  }

  @Benchmark
  public ImagePruneReport library() {
    return client.images().run();
  }

  @Benchmark
  public List<String> jacksonStrings() throws IOException {
    List<String> out = new ArrayList<>();
    try (JsonParser p = json.createParser(new ByteArrayInputStream(body))) {
      for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
        if (t == JsonToken.VALUE_STRING) {
          out.add(p.getText());
        }
      }
    }
    return out;
  }
}
