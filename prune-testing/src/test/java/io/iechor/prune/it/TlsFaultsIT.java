package io.iechor.prune.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.iechor.prune.EngineNotFoundException;
import io.iechor.prune.PruneClient;
import io.iechor.prune.Pruner;
import io.iechor.prune.testing.TestEngine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * TLS refusals on a real engine listening with {@code --tlsverify}: each says which side's
 * certificate is wrong.
 */
class TlsFaultsIT {
  @TempDir
  Path dir;

  TestEngine engine;
  Path good;
  String endpoint;

  @BeforeEach
  void setUp() {
    engine = TestEngine.shared();
    good = engine.tlsCertDirectory().orElseThrow();
    endpoint = engine.tcpEndpoint().orElseThrow();
  }

  @Test
  void aServerCertificateFromAnotherCaIsRefused() throws Exception {
    Path client = Files.createDirectories(dir.resolve("client"));
    copy(good, client, "cert.pem", "key.pem");
    openssl(dir, "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "other-ca-key.pem",
        "-out", client.resolve("ca.pem").toString(), "-subj", "/CN=other-ca", "-days", "2");

    assertRefused(client, "not signed by a CA in");
  }

  @Test
  void aMissingClientCertificateIsRefused() throws Exception {
    Path client = Files.createDirectories(dir.resolve("client"));
    copy(good, client, "ca.pem");

    assertRefused(client, "client certificate");
  }

  @Test
  void anExpiredClientCertificateIsRefused() throws Exception {
    Path client = Files.createDirectories(dir.resolve("client"));
    copy(good, client, "ca.pem");
    Path caKey = good.getParent().resolve("ca-key.pem");
    openssl(dir, "genrsa", "-out", client.resolve("key.pem").toString(), "2048");
    openssl(dir, "req", "-new", "-key", client.resolve("key.pem").toString(), "-subj", "/CN=expired",
        "-out", "expired.csr");
    // -days 0: valid from now to now, so expired a second later.
    openssl(dir, "x509", "-req", "-in", "expired.csr", "-CA", good.resolve("ca.pem").toString(),
        "-CAkey", caKey.toString(), "-CAcreateserial", "-days", "0", "-out", client.resolve("cert.pem").toString());
    Thread.sleep(1100);

    assertRefused(client, "expired");
  }

  private void assertRefused(Path client, String reason) {
    try (PruneClient c = Pruner.builder().endpoint(endpoint).tls(client).build()) {
      assertThatThrownBy(() -> c.containers().run())
          .isInstanceOfSatisfying(EngineNotFoundException.class, e -> {
            System.out.println("TlsFaultsIT: " + e.attempts().get(0).failure());
            assertThat(e.attempts().get(0).failure()).contains(reason);
          });
    }
  }

  private static void copy(Path from, Path to, String... names) throws IOException {
    for (String n : names) {
      Files.copy(from.resolve(n), to.resolve(n), StandardCopyOption.REPLACE_EXISTING);
    }
  }

  private static void openssl(Path cwd, String... args) throws Exception {
    List<String> cmd = new java.util.ArrayList<>(List.of("openssl"));
    cmd.addAll(List.of(args));
    Process p = new ProcessBuilder(cmd).directory(cwd.toFile()).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes());
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as("openssl %s: %s", String.join(" ", args), out).isZero();
  }
}
