package io.iechor.prune.core.tls;

import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the client's private key from {@code key.pem}.
 *
 * <p>The JDK only parses PKCS#8, but Docker's tooling and {@code openssl} also write the
 * older PKCS#1 (RSA) and SEC1 (EC) forms. Those are rewrapped as PKCS#8 here, which is a
 * lossless change of envelope: PKCS#8 carries the old structure unchanged in an OCTET STRING,
 * next to an algorithm identifier.
 */
final class PrivateKeyReader {
  private static final String PKCS8 = "PRIVATE KEY";
  private static final String PKCS1_RSA = "RSA PRIVATE KEY";
  private static final String SEC1_EC = "EC PRIVATE KEY";
  private static final String EC_PARAMETERS = "EC PARAMETERS";

  private static final String RSA_ENCRYPTION = "1.2.840.113549.1.1.1";
  private static final String EC_PUBLIC_KEY = "1.2.840.10045.2.1";
  /** The curves the JDK's TLS stack signs with; anything else would fail later, less clearly. */
  private static final Map<String, String> CURVES = Map.of(
      "1.2.840.10045.3.1.7", "P-256",
      "1.3.132.0.34", "P-384",
      "1.3.132.0.35", "P-521");

  private final Path file;

  private PrivateKeyReader(Path file) {
    this.file = file;
  }

  /** The one private key in {@code file}, RSA or EC, in any of the three PEM forms. */
  static PrivateKey read(Path file) {
    return new PrivateKeyReader(file).read(Pem.read(file));
  }

  private PrivateKey read(List<Pem.Block> blocks) {
    refuseEncrypted(blocks);
    List<Pem.Block> keys = blocks.stream()
        .filter(b -> b.label().equals(PKCS8) || b.label().equals(PKCS1_RSA) || b.label().equals(SEC1_EC))
        .toList();
    if (keys.isEmpty()) {
      throw new TlsSetupException(file + " contains no private key (found " + Pem.labels(blocks)
          + "). Expected a '-----BEGIN PRIVATE KEY-----', '-----BEGIN RSA PRIVATE KEY-----' or"
          + " '-----BEGIN EC PRIVATE KEY-----' block; check that key.pem and cert.pem are not swapped.");
    }
    if (keys.size() > 1) {
      throw new TlsSetupException(file + " contains " + keys.size() + " private keys."
          + " Keep only the key that belongs to cert.pem.");
    }
    Pem.Block key = keys.get(0);
    try {
      switch (key.label()) {
        case PKCS1_RSA:
          return generate("RSA", key.label(), wrap(Der.sequence(Der.oid(RSA_ENCRYPTION), Der.nullValue()), key.der()));
        case SEC1_EC:
          byte[] curve = sec1Curve(key.der(), blocks);
          return generate("EC", key.label(), wrap(Der.sequence(Der.oid(EC_PUBLIC_KEY), curve), key.der()));
        default:
          return generate(pkcs8Algorithm(key.der()), key.label(), key.der());
      }
    } catch (Der.MalformedException e) {
      throw malformed(key.label(), e);
    }
  }

  private void refuseEncrypted(List<Pem.Block> blocks) {
    for (Pem.Block b : blocks) {
      // PKCS#8 encryption has its own label; OpenSSL's legacy encryption adds a header instead.
      boolean encrypted = b.label().equals("ENCRYPTED PRIVATE KEY")
          || b.headers().getOrDefault("Proc-Type", "").contains("ENCRYPTED");
      if (encrypted) {
        throw new TlsSetupException(file + " holds an encrypted (password-protected) private key;"
            + " encrypted keys are not supported. Write a decrypted copy with"
            + " 'openssl pkey -in " + file + " -out key-decrypted.pem', keep it private"
            + " (chmod 600), and use it as key.pem.");
      }
    }
  }

  /** PKCS#8 PrivateKeyInfo: SEQUENCE { version, AlgorithmIdentifier, OCTET STRING key }. */
  private static byte[] wrap(byte[] algorithmIdentifier, byte[] innerKey) {
    return Der.sequence(Der.integer(0), algorithmIdentifier, Der.octetString(innerKey));
  }

  /**
   * The curve OID of a SEC1 ECPrivateKey, copied as its DER encoding. SEC1 keeps it in the
   * optional {@code [0]} field; when a tool left that out, the separate EC PARAMETERS block
   * that {@code openssl ecparam -genkey} writes first names it instead.
   */
  private byte[] sec1Curve(byte[] der, List<Pem.Block> blocks) throws Der.MalformedException {
    Optional<Der.Value> curve = Optional.empty();
    for (Der.Value field : Der.parse(der).sequence()) {
      if (field.tag() == Der.CONTEXT_0) {
        List<Der.Value> inner = field.children();
        if (inner.size() != 1) {
          throw new Der.MalformedException("the [0] parameters hold " + inner.size() + " elements");
        }
        curve = Optional.of(inner.get(0));
      }
    }
    if (curve.isEmpty()) {
      for (Pem.Block b : blocks) {
        if (b.label().equals(EC_PARAMETERS)) {
          curve = Optional.of(Der.parse(b.der()));
        }
      }
    }
    if (curve.isEmpty()) {
      throw new TlsSetupException(file + ": the EC PRIVATE KEY does not name its curve and there is"
          + " no EC PARAMETERS block. Convert it with 'openssl pkey -in " + file + " -out key-pkcs8.pem'"
          + " and use that as key.pem.");
    }
    requireSupportedCurve(curve.get());
    return curve.get().encoded();
  }

  /** The JDK algorithm name for the OID in a PKCS#8 PrivateKeyInfo. */
  private String pkcs8Algorithm(byte[] der) throws Der.MalformedException {
    List<Der.Value> info = Der.parse(der).sequence();
    if (info.size() < 3) {
      throw new Der.MalformedException("PrivateKeyInfo has " + info.size() + " fields, expected 3 or more");
    }
    List<Der.Value> algorithm = info.get(1).sequence();
    if (algorithm.isEmpty()) {
      throw new Der.MalformedException("empty AlgorithmIdentifier");
    }
    String oid = Der.oid(algorithm.get(0));
    if (oid.equals(RSA_ENCRYPTION)) {
      return "RSA";
    }
    if (oid.equals(EC_PUBLIC_KEY)) {
      if (algorithm.size() < 2) {
        throw new Der.MalformedException("EC AlgorithmIdentifier without a curve");
      }
      requireSupportedCurve(algorithm.get(1));
      return "EC";
    }
    throw new TlsSetupException(file + " holds a key of algorithm " + oid + ", which is not supported."
        + " Use an RSA key or an EC key on P-256, P-384 or P-521.");
  }

  private void requireSupportedCurve(Der.Value curve) throws Der.MalformedException {
    if (curve.tag() != Der.OBJECT_IDENTIFIER) {
      throw new TlsSetupException(file + ": the EC key spells out its curve parameters instead of"
          + " naming the curve, which is not supported. Regenerate it with"
          + " 'openssl ecparam -genkey -name prime256v1 -param_enc named_curve' and reissue cert.pem.");
    }
    String oid = Der.oid(curve);
    if (!CURVES.containsKey(oid)) {
      throw new TlsSetupException(file + ": the EC key uses curve " + oid + ", which is not supported."
          + " Use P-256 (prime256v1), P-384 (secp384r1) or P-521 (secp521r1).");
    }
  }

  private PrivateKey generate(String algorithm, String label, byte[] pkcs8) {
    try {
      return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
    } catch (GeneralSecurityException e) {
      throw new TlsSetupException(file + ": the " + label + " block is not a valid " + algorithm
          + " private key (" + e.getMessage() + "). The file is damaged or not a key;"
          + " copy it again from where it was issued.", e);
    }
  }

  private TlsSetupException malformed(String label, Der.MalformedException e) {
    return new TlsSetupException(file + ": the " + label + " block is not a well-formed key ("
        + e.getMessage() + "). The file is damaged or not a key; copy it again from where it was issued.", e);
  }
}
