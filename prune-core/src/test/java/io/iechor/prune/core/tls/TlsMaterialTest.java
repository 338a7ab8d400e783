package io.iechor.prune.core.tls;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.iechor.prune.PruneException;
import io.iechor.prune.core.tls.OpenSsl.KeyFormat;
import java.io.InputStream;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.CertificateFactory;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class TlsMaterialTest {
  private static final int TIMEOUT_MS = 10_000;

  @TempDir static Path pki;
  private static OpenSsl openssl;
  private static OpenSsl.Ca ca;
  private static KeyStore server;
  private static Path clientKey;
  private static Path clientCert;

  @TempDir Path dir;

  @BeforeAll
  static void createPki() throws Exception {
    openssl = new OpenSsl(pki);
    ca = openssl.ca("test");
    Path serverKey = openssl.key("server", KeyFormat.RSA_PKCS8);
    server = openssl.pkcs12(serverKey, openssl.sign(ca, serverKey, "server", true));
    clientKey = openssl.key("client", KeyFormat.EC_P256_PKCS8);
    clientCert = openssl.sign(ca, clientKey, "client", false);
  }

  @ParameterizedTest
  @EnumSource(KeyFormat.class)
  void readsEachKeyFormatAndAuthenticatesTheClientInAHandshake(KeyFormat format) throws Exception {
    String name = "client-" + format.name().toLowerCase(Locale.ROOT);
    Path key = openssl.key(name, format);
    assertThat(Files.readAllLines(key).get(0)).as("what openssl wrote").isEqualTo(format.firstLine);
    Path cert = openssl.sign(ca, key, name, false);

    TlsMaterial tls = TlsMaterial.load(certDir(ca.cert(), cert, key));

    PrivateKey read = PrivateKeyReader.read(key);
    assertThat(read.getAlgorithm()).isEqualTo(format.algorithm);
    if (format.curveBits != 0) {
      assertThat(((ECPrivateKey) read).getParams().getCurve().getField().getFieldSize()).isEqualTo(format.curveBits);
    }
    assertSameKey(read, opensslPkcs8(key, format.algorithm));
    assertThat(tls.clientCertificateChain()).hasSize(1);
    assertThat(tls.clientCertificateChain().get(0).getSubjectX500Principal().getName()).isEqualTo("CN=" + name);
    assertThat(handshake(tls, true)).isEqualTo("CN=" + name);
  }

  @Test
  void takesTheCurveFromTheEcParametersBlockWhenTheKeyOmitsIt() throws Exception {
    Path original = openssl.key("no-curve", KeyFormat.EC_P256_SEC1_WITH_PARAMETERS);
    List<Pem.Block> blocks = Pem.read(original);
    assertThat(blocks).extracting(Pem.Block::label).containsExactly("EC PARAMETERS", "EC PRIVATE KEY");
    List<Der.Value> fields = Der.parse(blocks.get(1).der()).sequence();
    byte[] withoutCurve = Der.sequence(fields.stream()
        .filter(f -> f.tag() != Der.CONTEXT_0).map(Der.Value::encoded).toArray(byte[][]::new));
    assertThat(Der.parse(withoutCurve).sequence()).hasSize(fields.size() - 1);

    Path key = Files.writeString(dir.resolve("stripped.pem"),
        pem("EC PARAMETERS", blocks.get(0).der()) + pem("EC PRIVATE KEY", withoutCurve));
    assertSameKey(PrivateKeyReader.read(key), PrivateKeyReader.read(original));

    Path alone = Files.writeString(dir.resolve("alone.pem"), pem("EC PRIVATE KEY", withoutCurve));
    assertThatThrownBy(() -> PrivateKeyReader.read(alone))
        .isInstanceOf(TlsSetupException.class)
        .hasMessageContaining(alone.toString())
        .hasMessageContaining("does not name its curve");
  }

  @Test
  void trustsEveryCertificateInCaPem() throws Exception {
    OpenSsl.Ca other = openssl.ca("other");
    Path bundle = dir.resolve("bundle.pem");
    Files.writeString(bundle, Files.readString(other.cert()) + Files.readString(ca.cert()));
    Path otherServerKey = openssl.key("other-server", KeyFormat.EC_P256_PKCS8);
    KeyStore otherServer = openssl.pkcs12(otherServerKey, openssl.sign(other, otherServerKey, "other-server", true));

    TlsMaterial tls = TlsMaterial.load(certDir(bundle, clientCert, clientKey));

    assertThat(tls.trustManager().getAcceptedIssuers()).hasSize(2);
    assertThat(handshake(tls, server, true)).isEqualTo("CN=client");
    assertThat(handshake(tls, otherServer, true)).isEqualTo("CN=client");
  }

  @Test
  void refusesAServerSignedByAnotherCa() throws Exception {
    OpenSsl.Ca stranger = openssl.ca("stranger");
    Path strangerKey = openssl.key("stranger-server", KeyFormat.RSA_PKCS8);
    KeyStore strangerServer = openssl.pkcs12(strangerKey, openssl.sign(stranger, strangerKey, "stranger-server", true));
    TlsMaterial tls = TlsMaterial.load(certDir(ca.cert(), clientCert, clientKey));

    assertThatThrownBy(() -> handshake(tls, strangerServer, true)).isInstanceOf(SSLHandshakeException.class);
  }

  @Test
  void withoutCertAndKeyAuthenticatesOnlyTheServer() throws Exception {
    TlsMaterial tls = TlsMaterial.load(certDir(ca.cert(), null, null));

    assertThat(tls.clientCertificateChain()).isEmpty();
    assertThat(tls.sslContext().getProtocol()).isEqualTo("TLS");
    assertThat(handshake(tls, server, false)).isEqualTo("no client certificate");
  }

  @Test
  void missingCaPemNamesThePathAndTheEnvironmentVariables() throws Exception {
    Path empty = certDir(null, clientCert, clientKey);
    Path nowhere = dir.resolve("does-not-exist");

    assertThatThrownBy(() -> TlsMaterial.load(empty))
        .isInstanceOf(TlsSetupException.class)
        .isInstanceOf(PruneException.class)
        .hasMessageContaining(empty.resolve("ca.pem").toAbsolutePath().toString())
        .hasMessageContaining("IECHOR_CERT_PATH")
        .hasMessageContaining("DOCKER_CERT_PATH");
    assertThatThrownBy(() -> TlsMaterial.load(nowhere))
        .hasMessageContaining(nowhere.resolve("ca.pem").toAbsolutePath().toString())
        .hasMessageContaining("the directory does not exist");
  }

  @Test
  void onlyOneOfCertAndKeyIsAnError() throws Exception {
    Path certOnly = certDir(ca.cert(), clientCert, null);
    Path keyOnly = Files.createDirectory(dir.resolve("key-only"));
    Files.copy(ca.cert(), keyOnly.resolve("ca.pem"));
    Files.copy(clientKey, keyOnly.resolve("key.pem"));

    assertThatThrownBy(() -> TlsMaterial.load(certOnly))
        .isInstanceOf(TlsSetupException.class)
        .hasMessageContaining("but not " + certOnly.resolve("key.pem").toAbsolutePath())
        .hasMessageContaining("needs both cert.pem and key.pem");
    assertThatThrownBy(() -> TlsMaterial.load(keyOnly))
        .isInstanceOf(TlsSetupException.class)
        .hasMessageContaining("but not " + keyOnly.resolve("cert.pem").toAbsolutePath());
  }

  @ParameterizedTest
  @ValueSource(strings = {"pkcs8", "legacy"})
  void refusesEncryptedKeys(String kind) throws Exception {
    Path encrypted = pki.resolve("encrypted-" + kind + ".pem");
    // pkey writes PKCS#8 encryption (its own PEM label), ec writes OpenSSL's legacy header form.
    openssl.run(kind.equals("pkcs8") ? "pkey" : "ec", "-in", clientKey.toString(), "-aes256",
        "-passout", "pass:secret", "-out", encrypted.toString());
    assertThat(Files.readString(encrypted)).contains(
        kind.equals("pkcs8") ? "-----BEGIN ENCRYPTED PRIVATE KEY-----" : "Proc-Type: 4,ENCRYPTED");
    Path certs = certDir(ca.cert(), clientCert, encrypted);

    assertThatThrownBy(() -> TlsMaterial.load(certs))
        .isInstanceOf(TlsSetupException.class)
        .hasMessageContaining(certs.resolve("key.pem").toString())
        .hasMessageContaining("encrypted keys are not supported")
        .hasMessageContaining("openssl pkey");
  }

  @Test
  void refusesAKeyThatDoesNotBelongToTheCertificate() throws Exception {
    Path otherEcKey = openssl.key("stray-ec", KeyFormat.EC_P256_PKCS8);
    Path rsaKey = openssl.key("stray-rsa", KeyFormat.RSA_PKCS1);
    Path sameType = certDir(ca.cert(), clientCert, otherEcKey);
    Path otherType = Files.createDirectory(dir.resolve("other-type"));
    Files.copy(ca.cert(), otherType.resolve("ca.pem"));
    Files.copy(clientCert, otherType.resolve("cert.pem"));
    Files.copy(rsaKey, otherType.resolve("key.pem"));

    assertThatThrownBy(() -> TlsMaterial.load(sameType))
        .isInstanceOf(TlsSetupException.class)
        .hasMessageContaining("does not belong to the first certificate in " + sameType.resolve("cert.pem"))
        .hasMessageContaining("CN=client")
        .hasMessageContaining("public keys differ");
    assertThatThrownBy(() -> TlsMaterial.load(otherType))
        .isInstanceOf(TlsSetupException.class)
        .hasMessageContaining("holds an RSA key but the certificate's public key is EC");
  }

  static Stream<Arguments> damagedFiles() {
    String noise = Base64.getEncoder().encodeToString("definitely not DER".getBytes(US_ASCII));
    return Stream.of(
        Arguments.of("key.pem", "hello, I am not a key\n", "contains no PEM block"),
        Arguments.of("key.pem", "-----BEGIN PRIVATE KEY-----\n@@@ not base64 @@@\n-----END PRIVATE KEY-----\n",
            "is not valid base64"),
        Arguments.of("key.pem", "-----BEGIN PRIVATE KEY-----\n" + noise + "\n-----END PRIVATE KEY-----\n",
            "is not a well-formed key"),
        Arguments.of("key.pem", "-----BEGIN RSA PRIVATE KEY-----\n" + noise + "\n-----END RSA PRIVATE KEY-----\n",
            "is not a valid RSA private key"),
        Arguments.of("key.pem", "-----BEGIN PRIVATE KEY-----\nAAAA\n", "has no matching"),
        Arguments.of("key.pem", "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n",
            "contains no private key (found CERTIFICATE)"),
        Arguments.of("ca.pem", "-----BEGIN CERTIFICATE-----\n" + noise + "\n-----END CERTIFICATE-----\n",
            "is not a valid X.509 certificate"),
        Arguments.of("cert.pem", "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n",
            "contains no certificate (found PRIVATE KEY)"));
  }

  @ParameterizedTest
  @MethodSource("damagedFiles")
  void damagedFileIsReportedWithItsPath(String file, String content, String expected) throws Exception {
    Path certs = certDir(ca.cert(), clientCert, clientKey);
    Files.writeString(certs.resolve(file), content);

    assertThatThrownBy(() -> TlsMaterial.load(certs))
        .isInstanceOf(TlsSetupException.class)
        .hasMessageContaining(certs.resolve(file).toString())
        .hasMessageContaining(expected);
  }

  /** A Docker-style certificate directory; a {@code null} source leaves that file out. */
  private Path certDir(Path caPem, Path certPem, Path keyPem) throws Exception {
    Path certs = Files.createDirectory(dir.resolve("certs"));
    if (caPem != null) {
      Files.copy(caPem, certs.resolve("ca.pem"));
    }
    if (certPem != null) {
      Files.copy(certPem, certs.resolve("cert.pem"));
    }
    if (keyPem != null) {
      Files.copy(keyPem, certs.resolve("key.pem"));
    }
    return certs;
  }

  private static String pem(String label, byte[] der) {
    return "-----BEGIN " + label + "-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
        + "\n-----END " + label + "-----\n";
  }

  /** The key as openssl itself converts it to PKCS#8, parsed by the JDK without our code. */
  private PrivateKey opensslPkcs8(Path key, String algorithm) throws Exception {
    Path der = pki.resolve(key.getFileName() + ".pk8");
    openssl.run("pkcs8", "-topk8", "-nocrypt", "-in", key.toString(), "-outform", "DER", "-out", der.toString());
    return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(Files.readAllBytes(der)));
  }

  private static void assertSameKey(PrivateKey actual, PrivateKey expected) {
    assertThat(actual.getAlgorithm()).isEqualTo(expected.getAlgorithm());
    if (expected instanceof RSAPrivateKey rsa) {
      assertThat(((RSAPrivateKey) actual).getModulus()).isEqualTo(rsa.getModulus());
      assertThat(((RSAPrivateKey) actual).getPrivateExponent()).isEqualTo(rsa.getPrivateExponent());
    } else {
      ECPrivateKey ec = (ECPrivateKey) expected;
      assertThat(((ECPrivateKey) actual).getS()).isEqualTo(ec.getS());
      assertThat(((ECPrivateKey) actual).getParams().getOrder()).isEqualTo(ec.getParams().getOrder());
    }
  }

  private static String handshake(TlsMaterial client, boolean needClientAuth) throws Exception {
    return handshake(client, server, needClientAuth);
  }

  /**
   * Connects with {@code client} to a one-shot TLS server that trusts the test CA, exchanges
   * "ping" and "pong", and returns the client certificate subject the server saw.
   */
  private static String handshake(TlsMaterial client, KeyStore serverKeys, boolean needClientAuth) throws Exception {
    KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    keys.init(serverKeys, OpenSsl.P12_PASSWORD.toCharArray());
    KeyStore trusted = KeyStore.getInstance("PKCS12");
    trusted.load(null, null);
    try (InputStream in = Files.newInputStream(ca.cert())) {
      trusted.setCertificateEntry("ca", CertificateFactory.getInstance("X.509").generateCertificate(in));
    }
    TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    trust.init(trusted);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(keys.getKeyManagers(), trust.getTrustManagers(), null);

    ExecutorService executor = Executors.newSingleThreadExecutor();
    InetAddress loopback = InetAddress.getByName("127.0.0.1");
    try (SSLServerSocket listener =
        (SSLServerSocket) context.getServerSocketFactory().createServerSocket(0, 1, loopback)) {
      listener.setNeedClientAuth(needClientAuth);
      listener.setSoTimeout(TIMEOUT_MS);
      Future<String> seen = executor.submit(() -> {
        try (SSLSocket accepted = (SSLSocket) listener.accept()) {
          accepted.setSoTimeout(TIMEOUT_MS);
          String received = new String(accepted.getInputStream().readNBytes(4), US_ASCII);
          accepted.getOutputStream().write("pong".getBytes(US_ASCII));
          accepted.getOutputStream().flush();
          if (!received.equals("ping")) {
            return "server received '" + received + "'";
          }
          try {
            return accepted.getSession().getPeerPrincipal().getName();
          } catch (SSLPeerUnverifiedException e) {
            return "no client certificate";
          }
        }
      });
      try (SSLSocket socket = (SSLSocket) client.socketFactory().createSocket(loopback, listener.getLocalPort())) {
        socket.setSoTimeout(TIMEOUT_MS);
        socket.getOutputStream().write("ping".getBytes(US_ASCII));
        socket.getOutputStream().flush();
        assertThat(new String(socket.getInputStream().readNBytes(4), US_ASCII)).isEqualTo("pong");
      }
      return seen.get(TIMEOUT_MS, TimeUnit.MILLISECONDS);
    } finally {
      executor.shutdownNow();
    }
  }
}
