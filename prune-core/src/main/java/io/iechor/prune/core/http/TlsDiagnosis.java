package io.iechor.prune.core.http;

import io.iechor.prune.core.tls.TlsMaterial;
import java.io.IOException;
import java.nio.file.Path;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.X509Certificate;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLPeerUnverifiedException;

/**
 * Explains a failed TLS handshake in terms of the certificate files: which side's certificate is
 * wrong, and what to do. The JDK says "PKIX path building failed" or "bad_certificate"; the user
 * needs to know that {@code ca.pem} does not match the engine, or that {@code cert.pem} expired.
 */
final class TlsDiagnosis implements UnaryOperator<IOException> {
  private final Path dir;
  private final List<X509Certificate> clientChain;

  TlsDiagnosis(Path dir, TlsMaterial material) {
    this.dir = dir;
    this.clientChain = material.clientCertificateChain();
  }

  @Override
  public IOException apply(IOException e) {
    String explained = e instanceof SSLException ? explain(e) : explainClosed(e);
    return explained == null ? e : new SSLException(explained, e);
  }

  /**
   * With TLS 1.3 the client may finish its side of the handshake before the engine checks the
   * client certificate; the engine's refusal then shows up as a broken pipe or a reset on the first
   * write or read. When this side's certificate is missing or expired, that is the likely cause.
   */
  private String explainClosed(IOException e) {
    String all = messages(e).toLowerCase(Locale.ROOT);
    if (!(all.contains("broken pipe") || all.contains("connection reset") || all.contains("end of stream"))) {
      return null;
    }
    String certificate = clientCertificateProblem();
    return certificate == null ? null : certificate + " (the engine closed the connection: " + e.getMessage() + ")";
  }

  private String explain(IOException e) {
    String all = messages(e).toLowerCase(Locale.ROOT);
    if (e instanceof SSLPeerUnverifiedException || all.contains("hostname")) {
      return "the engine's certificate is not issued for this host name (" + e.getMessage() + ")";
    }
    if (all.contains("pkix path validation failed") && (all.contains("expired") || all.contains("validity"))) {
      return "the engine's certificate has expired or is not yet valid (" + e.getMessage() + ")";
    }
    if (all.contains("pkix path building failed") || all.contains("unable to find valid certification path")) {
      return "the engine's certificate is not signed by a CA in " + dir.resolve("ca.pem")
          + ": use the CA that signed the engine's certificate";
    }
    if (all.contains("bad_certificate") || all.contains("certificate_required") || all.contains("certificate_expired")
        || all.contains("unknown_ca") || all.contains("certificate_unknown")) {
      String certificate = clientCertificateProblem();
      return certificate != null ? certificate : "the engine refused the client certificate "
          + dir.resolve("cert.pem") + " (is it signed by the CA the engine trusts?): " + e.getMessage();
    }
    return null;
  }

  /** What is wrong with this side's certificate on its face, or {@code null}. */
  private String clientCertificateProblem() {
    if (clientChain.isEmpty()) {
      return "the engine requires a client certificate: put cert.pem and key.pem (signed by the CA the engine"
          + " trusts) in " + dir;
    }
    X509Certificate cert = clientChain.get(0);
    try {
      cert.checkValidity(new Date());
      return null;
    } catch (CertificateExpiredException x) {
      return "the client certificate " + dir.resolve("cert.pem") + " expired on " + cert.getNotAfter().toInstant()
          + ": issue a new one";
    } catch (CertificateNotYetValidException x) {
      return "the client certificate " + dir.resolve("cert.pem") + " is not valid before "
          + cert.getNotBefore().toInstant() + " (check this machine's clock)";
    }
  }

  private static String messages(Throwable t) {
    StringBuilder b = new StringBuilder();
    for (Throwable c = t; c != null; c = c.getCause()) {
      b.append(c.getClass().getName()).append(": ").append(c.getMessage()).append('\n');
    }
    return b.toString();
  }
}
