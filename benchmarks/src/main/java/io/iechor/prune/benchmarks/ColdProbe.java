package io.iechor.prune.benchmarks;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import io.iechor.prune.PruneClient;
import io.iechor.prune.Pruner;
import java.io.File;
import java.io.IOException;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.util.List;
import okhttp3.ConnectionSpec;
import okhttp3.OkHttpClient;
import org.newsclub.net.unix.AFUNIXSocket;
import org.newsclub.net.unix.AFUNIXSocketAddress;

/**
 * One piece of the library's cold start, alone in a fresh JVM, so that its cost is the process's
 * wall time less an empty JVM's ({@code hello}). Each mode touches only the classes it names:
 * every mode is its own class, which the JVM loads only when that mode runs.
 *
 * <pre>{@code java -cp ... io.iechor.prune.benchmarks.ColdProbe okhttp-default /path/docker.sock}</pre>
 */
public final class ColdProbe {
  private ColdProbe() {
  }

  public static void main(String[] args) throws IOException {
    String socket = args.length > 1 ? args[1] : null;
    switch (args[0]) {
      case "hello" -> {
        // an empty JVM: start, load this class, exit
      }
      case "jdk-unix" -> JdkUnix.connect(socket);
      case "junixsocket" -> Junix.connect(socket);
      case "okhttp-default" -> OkHttpDefault.build();
      case "okhttp-cleartext" -> OkHttpCleartext.build();
      case "jackson" -> Jackson.parse();
      case "library" -> Library.systemPrune(socket);
      case "library-jdkunix" -> Library.systemPruneOnJdkChannel(socket);
      default -> throw new IllegalArgumentException("unknown mode " + args[0]);
    }
  }

  /** Connect and close on the JDK's own Unix-domain channel. */
  static final class JdkUnix {
    static void connect(String socket) throws IOException {
      SocketChannel.open(UnixDomainSocketAddress.of(socket)).close();
    }
  }

  /** Connect and close with junixsocket, which loads (and first extracts) its native library. */
  static final class Junix {
    static void connect(String socket) throws IOException {
      try (AFUNIXSocket s = AFUNIXSocket.newInstance()) {
        s.connect(AFUNIXSocketAddress.of(new File(socket)));
      }
    }
  }

  /** An OkHttp client as the Unix transport builds it: default connection specs, TLS included. */
  static final class OkHttpDefault {
    static void build() {
      OkHttpClient c = new OkHttpClient.Builder().build();
      c.dispatcher().executorService().shutdown();
    }
  }

  /** An OkHttp client that can only speak plain HTTP, so it sets up no TLS. */
  static final class OkHttpCleartext {
    static void build() {
      OkHttpClient c = new OkHttpClient.Builder().connectionSpecs(List.of(ConnectionSpec.CLEARTEXT)).build();
      c.dispatcher().executorService().shutdown();
    }
  }

  /** Jackson's streaming parser over a small prune answer. */
  static final class Jackson {
    static void parse() throws IOException {
      try (JsonParser p = new JsonFactory().createParser("{\"ContainersDeleted\":null,\"SpaceReclaimed\":0}")) {
        while (p.nextToken() != null) {
          p.getText();
        }
      }
    }
  }

  /** The library's system prune, without the CLI: no picocli, no printing. */
  static final class Library {
    static void systemPrune(String socket) {
      try (PruneClient c = Pruner.connect("unix://" + socket)) {
        c.system().run();
      }
    }

    /** The same on the prototype transport ({@link JdkUnixTransportProvider}): no OkHttp, no junixsocket. */
    static void systemPruneOnJdkChannel(String socket) {
      try (PruneClient c = Pruner.connect("jdkunix://" + socket)) {
        c.system().run();
      }
    }
  }
}
