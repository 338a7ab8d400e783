package io.iechor.prune.benchmarks;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Random;

/**
 * An image prune answer in the engine's format with {@code n} entries, alternating
 * {@code {"Untagged":"repo/x:N"}} and {@code {"Deleted":"sha256:<64 hex>"}}, then
 * {@code SpaceReclaimed}. The same seed gives the same bytes.
 *
 * <pre>{@code java -cp benchmarks/target/classes io.iechor.prune.benchmarks.ImagePruneBody 10000}</pre>
 * prints the body's size in bytes.
 */
public final class ImagePruneBody {
  private ImagePruneBody() {
  }

  static byte[] build(int n) {
    Random random = new Random(42);
    byte[] digest = new byte[32];
    StringBuilder sb = new StringBuilder(n * 64).append("{\"ImagesDeleted\":[");
    for (int i = 0; i < n; i++) {
      if (i > 0) {
        sb.append(',');
      }
      if (i % 2 == 0) {
        sb.append("{\"Untagged\":\"repo/x:").append(i).append("\"}");
      } else {
        random.nextBytes(digest);
        sb.append("{\"Deleted\":\"sha256:").append(HexFormat.of().formatHex(digest)).append("\"}");
      }
    }
    sb.append("],\"SpaceReclaimed\":").append(7_340_032L * n).append('}');
    return sb.toString().getBytes(StandardCharsets.UTF_8);
  }

  public static void main(String[] args) {
    System.out.println(build(Integer.parseInt(args[0])).length);
  }
}
