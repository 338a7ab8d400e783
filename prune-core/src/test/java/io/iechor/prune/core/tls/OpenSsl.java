package io.iechor.prune.core.tls;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Makes test keys and certificates with the {@code openssl} CLI, the way users make theirs, so
 * the tests read real tool output rather than what this code's author thinks it looks like.
 *
 * <p>A missing {@code openssl} fails the test: skipping would let the TLS code go untested.
 */
final class OpenSsl {
  /** A certificate authority: its certificate and private key files. */
  record Ca(Path cert, Path key) {}

  /** The key encodings a user can hand us, with the openssl command that writes each. */
  enum KeyFormat {
    RSA_PKCS1("RSA", 0, "-----BEGIN RSA PRIVATE KEY-----", "genrsa", "-traditional", "-out", "%s", "2048"),
    RSA_PKCS8("RSA", 0, "-----BEGIN PRIVATE KEY-----",
        "genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048", "-out", "%s"),
    EC_P256_SEC1_WITH_PARAMETERS("EC", 256, "-----BEGIN EC PARAMETERS-----",
        "ecparam", "-genkey", "-name", "prime256v1", "-out", "%s"),
    EC_P256_PKCS8("EC", 256, "-----BEGIN PRIVATE KEY-----",
        "genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256", "-out", "%s"),
    EC_P384_SEC1("EC", 384, "-----BEGIN EC PRIVATE KEY-----",
        "ecparam", "-genkey", "-name", "secp384r1", "-noout", "-out", "%s"),
    EC_P521_PKCS8("EC", 521, "-----BEGIN PRIVATE KEY-----",
        "genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-521", "-out", "%s");

    final String algorithm;
    /** Curve size in bits for EC keys, 0 for RSA. */
    final int curveBits;
    /** The first line openssl writes, checked so a changed default cannot test the wrong format. */
    final String firstLine;
    private final String[] command;

    KeyFormat(String algorithm, int curveBits, String firstLine, String... command) {
      this.algorithm = algorithm;
      this.curveBits = curveBits;
      this.firstLine = firstLine;
      this.command = command;
    }
  }

  static final String P12_PASSWORD = "changeit";

  private final Path work;

  OpenSsl(Path work) {
    this.work = work;
  }

  /** A self-signed CA certificate with a fresh RSA key. */
  Ca ca(String name) throws IOException {
    Path config = write(name + "-ca.cnf", String.join("\n",
        "[req]", "distinguished_name = dn", "x509_extensions = v3_ca", "prompt = no", "[dn]",
        "[v3_ca]", "basicConstraints = critical,CA:TRUE", "keyUsage = critical,keyCertSign,cRLSign",
        "subjectKeyIdentifier = hash", ""));
    Path cert = work.resolve(name + "-ca.pem");
    Path key = work.resolve(name + "-ca.key");
    run("req", "-x509", "-config", config.toString(), "-newkey", "rsa:2048", "-noenc",
        "-keyout", key.toString(), "-out", cert.toString(), "-days", "2", "-subj", "/CN=" + name + " CA");
    return new Ca(cert, key);
  }

  /** A new private key in {@code format}. */
  Path key(String name, KeyFormat format) throws IOException {
    Path key = work.resolve(name + ".key.pem");
    List<String> args = new ArrayList<>();
    for (String arg : format.command) {
      args.add(arg.equals("%s") ? key.toString() : arg);
    }
    run(args.toArray(new String[0]));
    return key;
  }

  /** A certificate for {@code key} signed by {@code ca}: a client one, or a server one for 127.0.0.1. */
  Path sign(Ca ca, Path key, String commonName, boolean server) throws IOException {
    Path csr = work.resolve(commonName + ".csr");
    Path cert = work.resolve(commonName + ".cert.pem");
    Path extensions = write(commonName + ".ext", server
        ? "basicConstraints=CA:FALSE\nextendedKeyUsage=serverAuth\nsubjectAltName=IP:127.0.0.1\n"
        : "basicConstraints=CA:FALSE\nextendedKeyUsage=clientAuth\n");
    run("req", "-new", "-key", key.toString(), "-subj", "/CN=" + commonName, "-out", csr.toString());
    run("x509", "-req", "-in", csr.toString(), "-CA", ca.cert().toString(), "-CAkey", ca.key().toString(),
        "-CAcreateserial", "-days", "2", "-extfile", extensions.toString(), "-out", cert.toString());
    return cert;
  }

  /** {@code key} and {@code cert} as a PKCS#12 key store, for the test server. */
  KeyStore pkcs12(Path key, Path cert) throws Exception {
    Path p12 = work.resolve(cert.getFileName() + ".p12");
    run("pkcs12", "-export", "-inkey", key.toString(), "-in", cert.toString(), "-out", p12.toString(),
        "-passout", "pass:" + P12_PASSWORD);
    KeyStore store = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(p12)) {
      store.load(in, P12_PASSWORD.toCharArray());
    }
    return store;
  }

  private Path write(String name, String content) throws IOException {
    return Files.writeString(work.resolve(name), content);
  }

  /** Runs {@code openssl args...} in the work directory; fails the test if it fails. */
  void run(String... args) {
    List<String> command = new ArrayList<>(List.of("openssl"));
    command.addAll(List.of(args));
    Process process;
    try {
      process = new ProcessBuilder(command).directory(work.toFile()).redirectErrorStream(true).start();
    } catch (IOException e) {
      throw new AssertionError("These tests need the openssl CLI on the PATH: " + e.getMessage(), e);
    }
    String output;
    try {
      output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new AssertionError("cannot read the output of " + command, e);
    }
    try {
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new AssertionError("openssl did not finish within 60 s: " + command);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted while waiting for " + command, e);
    }
    if (process.exitValue() != 0) {
      throw new AssertionError("openssl failed (exit " + process.exitValue() + "): " + command + "\n" + output);
    }
  }
}
