package io.iechor.prune.benchmarks;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The cold-start floor: a fresh JVM that does one {@code system prune} by hand, as the Go CLI does
 * it on the wire (ping, then containers, networks, dangling images, build cache), with
 * {@link RawHttp}. It reads no JSON: it prints the statuses and how many bytes each answer had.
 *
 * <pre>{@code java -cp benchmarks/target/classes io.iechor.prune.benchmarks.FloorSystemPrune /path/docker.sock}</pre>
 */
public final class FloorSystemPrune {
  private FloorSystemPrune() {
  }

  public static void main(String[] args) throws IOException {
    RawHttp http = new RawHttp(Path.of(args[0]));
    String version = http.exchange("HEAD", "/_ping", null, "Api-Version").header();
    // The engine's own version, as the CLI and the library negotiate it against a newer engine.
    String v = "/v" + version;
    String[] targets = {
        v + "/containers/prune",
        v + "/networks/prune",
        v + "/images/prune?filters=%7B%22dangling%22%3A%7B%22true%22%3Atrue%7D%7D",
        v + "/build/prune",
    };
    StringBuilder out = new StringBuilder("API ").append(version);
    for (String t : targets) {
      RawHttp.Answer a = http.exchange("POST", t, null, null);
      if (a.status() != 200) {
        throw new IOException("POST " + t + ": " + a.status() + " " + new String(a.body()));
      }
      out.append(' ').append(a.status()).append('/').append(a.body().length).append('B');
    }
    System.out.println(out);
  }
}
