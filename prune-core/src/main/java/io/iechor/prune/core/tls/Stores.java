package io.iechor.prune.core.tls;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.List;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * Turns parsed keys and certificates into JSSE key and trust managers, through in-memory
 * key stores that are never written anywhere.
 */
final class Stores {
  private static final String TYPE = "PKCS12";

  private Stores() {}

  /** Key managers offering {@code key} with {@code chain} (client certificate first). */
  static KeyManager[] keyManagers(PrivateKey key, List<X509Certificate> chain) {
    try {
      // The store only lives in memory, but PKCS12 insists on protecting keys with a password;
      // a random one means no constant password sits in the code.
      byte[] random = new byte[18];
      new SecureRandom().nextBytes(random);
      char[] password = Base64.getEncoder().encodeToString(random).toCharArray();
      KeyStore store = emptyStore();
      store.setKeyEntry("client", key, password, chain.toArray(new X509Certificate[0]));
      KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      factory.init(store, password);
      return factory.getKeyManagers();
    } catch (GeneralSecurityException e) {
      throw new TlsSetupException("Cannot use the client key and certificate from cert.pem and key.pem: "
          + e.getMessage(), e);
    }
  }

  /** A trust manager that trusts {@code authorities}, and nothing else. */
  static X509TrustManager trustManager(List<X509Certificate> authorities) {
    try {
      KeyStore store = emptyStore();
      for (int i = 0; i < authorities.size(); i++) {
        store.setCertificateEntry("ca-" + i, authorities.get(i));
      }
      TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      factory.init(store);
      for (TrustManager manager : factory.getTrustManagers()) {
        if (manager instanceof X509TrustManager x509) {
          return x509;
        }
      }
      throw new TlsSetupException("This Java runtime offers no X.509 trust manager for "
          + TrustManagerFactory.getDefaultAlgorithm() + ".");
    } catch (GeneralSecurityException e) {
      throw new TlsSetupException("Cannot trust the certificates from ca.pem: " + e.getMessage(), e);
    }
  }

  private static KeyStore emptyStore() throws GeneralSecurityException {
    KeyStore store = KeyStore.getInstance(TYPE);
    try {
      store.load(null, null);
    } catch (IOException e) {
      // load(null, null) reads nothing; an I/O failure here means a broken provider.
      throw new IllegalStateException(e);
    }
    return store;
  }
}
