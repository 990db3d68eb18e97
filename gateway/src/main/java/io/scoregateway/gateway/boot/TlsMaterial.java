package io.scoregateway.gateway.boot;

import io.scoregateway.gateway.config.ConfigException;
import io.scoregateway.gateway.config.ConfigKey;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.PemKeyCertOptions;
import io.vertx.core.net.impl.KeyStoreHelper;
import java.io.ByteArrayInputStream;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Collection;
import java.util.Collections;

/**
 * The ports' certificate chain and private key, read and checked as a pair: the chain parses, the
 * key parses, and the key is the certificate's (it signs what the certificate's public key
 * verifies). A pair that fails is refused naming the file at fault; without the check a mismatched
 * pair started "serving" and failed every handshake without a word. Reads files: call it off the
 * event loop.
 */
final class TlsMaterial {
  private TlsMaterial() {}

  /** The pair as in-memory options: exactly the bytes checked are the bytes served. */
  static PemKeyCertOptions load(
      Vertx vertx, String certFile, String keyFile, byte[] cert, byte[] key) {
    Certificate leaf = leaf(certFile, cert);
    PemKeyCertOptions options =
        new PemKeyCertOptions().setCertValue(Buffer.buffer(cert)).setKeyValue(Buffer.buffer(key));
    PrivateKey privateKey;
    try {
      privateKey = privateKey(options.loadKeyStore(vertx));
    } catch (Exception e) {
      throw new ConfigException(
          ConfigKey.TLS_KEY,
          keyFile + ": not a PEM private key that parses (" + e.getMessage() + ")");
    }
    if (!matches(privateKey, leaf.getPublicKey())) {
      throw new ConfigException(
          ConfigKey.TLS_KEY, keyFile + ": does not match the certificate in " + certFile);
    }
    return options;
  }

  private static Certificate leaf(String certFile, byte[] cert) {
    Collection<? extends Certificate> chain;
    try {
      chain =
          CertificateFactory.getInstance("X.509")
              .generateCertificates(new ByteArrayInputStream(cert));
    } catch (GeneralSecurityException | RuntimeException e) {
      throw new ConfigException(
          ConfigKey.TLS_CERT,
          certFile + ": not a PEM certificate chain that parses (" + e.getMessage() + ")");
    }
    if (chain.isEmpty()) {
      throw new ConfigException(ConfigKey.TLS_CERT, certFile + ": holds no certificate");
    }
    return chain.iterator().next();
  }

  private static PrivateKey privateKey(KeyStore ks) throws GeneralSecurityException {
    for (String alias : Collections.list(ks.aliases())) {
      if (ks.isKeyEntry(alias)) {
        return (PrivateKey) ks.getKey(alias, KeyStoreHelper.DUMMY_PASSWORD.toCharArray());
      }
    }
    throw new GeneralSecurityException("no private key in it");
  }

  /** Whether {@code key} signs what {@code pub} verifies. */
  private static boolean matches(PrivateKey key, PublicKey pub) {
    if (!key.getAlgorithm().equals(pub.getAlgorithm())) {
      return false;
    }
    String alg =
        switch (key.getAlgorithm()) {
          case "RSA" -> "SHA256withRSA";
          case "EC" -> "SHA256withECDSA";
          default -> key.getAlgorithm(); // EdDSA, Ed25519, Ed448 name their own signature
        };
    try {
      byte[] challenge = new byte[32];
      new SecureRandom().nextBytes(challenge);
      Signature sign = Signature.getInstance(alg);
      sign.initSign(key);
      sign.update(challenge);
      byte[] signature = sign.sign();
      Signature verify = Signature.getInstance(alg);
      verify.initVerify(pub);
      verify.update(challenge);
      return verify.verify(signature);
    } catch (GeneralSecurityException e) {
      return false;
    }
  }
}
