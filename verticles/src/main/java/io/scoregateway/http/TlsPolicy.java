package io.scoregateway.http;

import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.net.KeyCertOptions;
import io.vertx.core.net.ServerSSLOptions;
import java.util.List;
import java.util.Set;

/**
 * What both ports accept over TLS: TLS 1.3, and TLS 1.2 only with ECDHE key exchange and AEAD
 * ciphers. The JDK's default list also offers static-RSA suites (no forward secrecy: a key leaked
 * later decrypts recorded traffic) and CBC-SHA1 ones.
 */
public final class TlsPolicy {
  public static final Set<String> PROTOCOLS = Set.of("TLSv1.3", "TLSv1.2");
  public static final List<String> CIPHER_SUITES =
      List.of(
          "TLS_AES_128_GCM_SHA256",
          "TLS_AES_256_GCM_SHA384",
          "TLS_CHACHA20_POLY1305_SHA256",
          "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256",
          "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
          "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384",
          "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384",
          "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256",
          "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256");

  private TlsPolicy() {}

  /** Turns TLS on for a server with this policy. */
  public static HttpServerOptions apply(HttpServerOptions o, KeyCertOptions keyCert) {
    o.setSsl(true).setKeyCertOptions(keyCert).setEnabledSecureTransportProtocols(PROTOCOLS);
    CIPHER_SUITES.forEach(o::addEnabledCipherSuite);
    return o;
  }

  /** The same policy as options for a running server ({@code HttpServer.updateSSLOptions}). */
  public static ServerSSLOptions sslOptions(KeyCertOptions keyCert) {
    ServerSSLOptions o =
        new ServerSSLOptions()
            .setKeyCertOptions(keyCert)
            .setEnabledSecureTransportProtocols(PROTOCOLS);
    CIPHER_SUITES.forEach(o::addEnabledCipherSuite);
    return o;
  }
}
