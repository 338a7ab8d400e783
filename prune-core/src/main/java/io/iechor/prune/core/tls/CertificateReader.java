package io.iechor.prune.core.tls;

import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the X.509 certificates of a PEM file ({@code ca.pem} or {@code cert.pem}), in file order.
 *
 * <p>Goes through {@link Pem} rather than letting {@link CertificateFactory} scan the file, so
 * that a damaged block or a key in the wrong file gets a message naming the file and the block.
 */
final class CertificateReader {
  private static final String CERTIFICATE = "CERTIFICATE";

  private CertificateReader() {}

  /** Every CERTIFICATE block of {@code file}; at least one, or a {@link TlsSetupException}. */
  static List<X509Certificate> read(Path file) {
    List<Pem.Block> blocks = Pem.read(file);
    CertificateFactory factory;
    try {
      factory = CertificateFactory.getInstance("X.509");
    } catch (CertificateException e) {
      throw new TlsSetupException("This Java runtime has no X.509 support: " + e.getMessage(), e);
    }
    List<X509Certificate> certificates = new ArrayList<>();
    for (Pem.Block block : blocks) {
      if (!block.label().equals(CERTIFICATE)) {
        continue;
      }
      try {
        certificates.add((X509Certificate) factory.generateCertificate(new ByteArrayInputStream(block.der())));
      } catch (CertificateException e) {
        throw new TlsSetupException(file + ": certificate " + (certificates.size() + 1)
            + " is not a valid X.509 certificate (" + e.getMessage() + ")."
            + " The file is damaged; copy it again from where it was issued.", e);
      }
    }
    if (certificates.isEmpty()) {
      throw new TlsSetupException(file + " contains no certificate (found " + Pem.labels(blocks)
          + "). Expected '-----BEGIN CERTIFICATE-----' blocks; check that key.pem and cert.pem are not swapped.");
    }
    return List.copyOf(certificates);
  }
}
