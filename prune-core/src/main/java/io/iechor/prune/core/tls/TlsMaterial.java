package io.iechor.prune.core.tls;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * The TLS setup for a {@code tcp://} engine endpoint, read from a Docker-style certificate
 * directory (the one {@code DOCKER_CERT_PATH} or {@code IECHOR_CERT_PATH} names):
 * <ul>
 *   <li>{@code ca.pem}: the CA certificates that sign the engine's certificate; only these are
 *       trusted, not the Java runtime's default CAs;</li>
 *   <li>{@code cert.pem}: the client certificate, followed by any intermediates;</li>
 *   <li>{@code key.pem}: its unencrypted private key, RSA or EC (P-256, P-384, P-521), as
 *       PKCS#8, PKCS#1 or SEC1 PEM.</li>
 * </ul>
 * Without both {@code cert.pem} and {@code key.pem} the engine is still authenticated, but no
 * client certificate is offered.
 *
 * <p>Instances are immutable and thread-safe. Host name verification is left to the HTTP
 * client (OkHttp checks the engine's certificate against the endpoint's host):
 * <pre>{@code
 * TlsMaterial tls = TlsMaterial.load(Path.of(System.getenv("DOCKER_CERT_PATH")));
 * OkHttpClient client = new OkHttpClient.Builder()
 *     .sslSocketFactory(tls.socketFactory(), tls.trustManager())
 *     .build();
 * }</pre>
 */
public final class TlsMaterial {
  private final SSLContext sslContext;
  private final X509TrustManager trustManager;
  private final List<X509Certificate> clientChain;

  private TlsMaterial(SSLContext sslContext, X509TrustManager trustManager, List<X509Certificate> clientChain) {
    this.sslContext = sslContext;
    this.trustManager = trustManager;
    this.clientChain = clientChain;
  }

  /**
   * Reads {@code ca.pem}, and {@code cert.pem} with {@code key.pem} when present, from {@code dir}.
   *
   * @throws TlsSetupException when {@code ca.pem} is missing, only one of {@code cert.pem} and
   *     {@code key.pem} exists, a file is unreadable or malformed, the key is encrypted, or the
   *     key does not belong to the certificate; the message names the file and what to do
   */
  public static TlsMaterial load(Path dir) {
    // Absolute, so that every message names a file the user can find whatever the working directory.
    Path base = Objects.requireNonNull(dir, "dir").toAbsolutePath();
    Path ca = base.resolve("ca.pem");
    Path cert = base.resolve("cert.pem");
    Path key = base.resolve("key.pem");
    if (!Files.isRegularFile(ca)) {
      throw new TlsSetupException("No CA certificate file at " + ca
          + (Files.isDirectory(base) ? "" : " (the directory does not exist)")
          + ". Set IECHOR_CERT_PATH (or DOCKER_CERT_PATH) to the directory that holds ca.pem,"
          + " cert.pem and key.pem.");
    }
    boolean hasCert = Files.exists(cert);
    boolean hasKey = Files.exists(key);
    if (hasCert != hasKey) {
      Path present = hasCert ? cert : key;
      Path absent = hasCert ? key : cert;
      throw new TlsSetupException("Found " + present + " but not " + absent
          + ". A client certificate needs both cert.pem and key.pem: add the missing file,"
          + " or remove " + present.getFileName() + " to connect without a client certificate.");
    }
    List<X509Certificate> authorities = CertificateReader.read(ca);
    List<X509Certificate> chain = List.of();
    KeyManager[] keyManagers = new KeyManager[0];
    if (hasCert) {
      chain = CertificateReader.read(cert);
      PrivateKey privateKey = PrivateKeyReader.read(key);
      KeyPairCheck.requireMatch(privateKey, key, chain.get(0), cert);
      keyManagers = Stores.keyManagers(privateKey, chain);
    }
    X509TrustManager trustManager = Stores.trustManager(authorities);
    try {
      SSLContext context = SSLContext.getInstance("TLS");
      // An empty key manager array, not null: null would let the provider pick a default one.
      context.init(keyManagers, new TrustManager[] {trustManager}, null);
      return new TlsMaterial(context, trustManager, chain);
    } catch (GeneralSecurityException e) {
      throw new TlsSetupException("This Java runtime cannot create a TLS context: " + e.getMessage(), e);
    }
  }

  /** The socket factory for connections to the engine; offers the client certificate if any. */
  public SSLSocketFactory socketFactory() {
    return sslContext.getSocketFactory();
  }

  /** Trusts exactly the certificates of {@code ca.pem}. */
  public X509TrustManager trustManager() {
    return trustManager;
  }

  /** The context behind {@link #socketFactory()}, for clients that take an {@link SSLContext}. */
  public SSLContext sslContext() {
    return sslContext;
  }

  /**
   * The client certificate from {@code cert.pem} followed by its intermediates; empty when the
   * directory has no {@code cert.pem} and {@code key.pem}.
   */
  public List<X509Certificate> clientCertificateChain() {
    return clientChain;
  }
}
