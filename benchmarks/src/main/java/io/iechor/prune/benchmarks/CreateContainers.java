package io.iechor.prune.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Fills the engine with stopped containers for the bulk benchmark: {@code POST /containers/create}
 * (never started, so not running: prune removes them) with no network, from several threads.
 *
 * <pre>{@code java -cp ... io.iechor.prune.benchmarks.CreateContainers /path/docker.sock bench/true:1 1000 8}</pre>
 */
public final class CreateContainers {
  private CreateContainers() {
  }

  public static void main(String[] args) throws Exception {
    RawHttp http = new RawHttp(Path.of(args[0]));
    byte[] body = ("{\"Image\":\"" + args[1] + "\",\"Labels\":{\"iechor.benchmark\":\"bulk\"},"
        + "\"HostConfig\":{\"NetworkMode\":\"none\"}}").getBytes(StandardCharsets.UTF_8);
    int count = Integer.parseInt(args[2]);
    int threads = Integer.parseInt(args[3]);
    AtomicInteger left = new AtomicInteger(count);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    long start = System.nanoTime();
    List<Future<Integer>> done = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      done.add(pool.submit(() -> {
        int made = 0;
        while (left.getAndDecrement() > 0) {
          RawHttp.Answer a = http.exchange("POST", "/containers/create", body, null);
          if (a.status() != 201) {
            throw new IOException("create: " + a.status() + " " + new String(a.body(), StandardCharsets.UTF_8));
          }
          made++;
        }
        return made;
      }));
    }
    int made = 0;
    for (Future<Integer> f : done) {
      made += f.get();
    }
    pool.shutdown();
    System.out.printf("created %d containers in %.1f s%n", made, (System.nanoTime() - start) / 1e9);
  }
}
