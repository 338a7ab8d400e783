package io.iechor.prune.core.tls;

import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.X509Certificate;

/**
 * Checks that {@code key.pem} belongs to the first certificate of {@code cert.pem}.
 *
 * <p>Without this check a mismatch only shows up as a handshake failure on the engine side,
 * often reported as a bare "bad certificate" alert. Signing a random challenge with the private
 * key and verifying it with the certificate's public key works the same for RSA and EC.
 */
final class KeyPairCheck {
  private KeyPairCheck() {}

  static void requireMatch(PrivateKey key, Path keyFile, X509Certificate certificate, Path certFile) {
    PublicKey publicKey = certificate.getPublicKey();
    String subject = certificate.getSubjectX500Principal().getName();
    if (!key.getAlgorithm().equals(publicKey.getAlgorithm())) {
      throw mismatch(keyFile, certFile, subject, keyFile + " holds an " + key.getAlgorithm()
          + " key but the certificate's public key is " + publicKey.getAlgorithm(), null);
    }
    boolean verified;
    try {
      String algorithm = key.getAlgorithm().equals("EC") ? "SHA256withECDSA" : "SHA256with" + key.getAlgorithm();
      byte[] challenge = new byte[32];
      new SecureRandom().nextBytes(challenge);
      Signature signer = Signature.getInstance(algorithm);
      signer.initSign(key);
      signer.update(challenge);
      byte[] signature = signer.sign();
      Signature verifier = Signature.getInstance(algorithm);
      verifier.initVerify(publicKey);
      verifier.update(challenge);
      verified = verifier.verify(signature);
    } catch (GeneralSecurityException e) {
      // E.g. an EC key and certificate on different curves: not the same key either.
      throw mismatch(keyFile, certFile, subject, "their public keys differ", e);
    }
    if (!verified) {
      throw mismatch(keyFile, certFile, subject, "their public keys differ", null);
    }
  }

  private static TlsSetupException mismatch(
      Path keyFile, Path certFile, String subject, String why, Exception cause) {
    return new TlsSetupException(keyFile + " does not belong to the first certificate in " + certFile
        + " (subject " + subject + "): " + why + ". Use the key the certificate was issued for,"
        + " and put the client certificate first in cert.pem.", cause);
  }
}
