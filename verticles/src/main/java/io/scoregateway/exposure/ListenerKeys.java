package io.scoregateway.exposure;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The listener key of exposure records: HMAC-SHA-256 of the listener id under the configured salt,
 * first 16 bytes in hex. Stable for one salt (records of one listener join), not the raw id. With
 * no salt a fixed public key is used: the key is then pseudonymous only (anyone can hash a guessed
 * id). One instance per thread.
 */
final class ListenerKeys {
  /** The key used when no salt is configured; public, so it hides nothing from a guesser. */
  static final String PUBLIC_KEY = "score-gateway/listener";

  private final Mac mac;

  ListenerKeys(String salt) {
    try {
      mac = Mac.getInstance("HmacSHA256");
      String key = salt.isEmpty() ? PUBLIC_KEY : salt;
      mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is unavailable", e);
    }
  }

  String of(String listener) {
    byte[] h = mac.doFinal(listener.getBytes(StandardCharsets.UTF_8));
    return HexFormat.of().formatHex(h, 0, 16);
  }
}
