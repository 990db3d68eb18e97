package io.scoregateway.redis;

import io.vertx.core.net.NetClientOptions;
import io.vertx.core.net.PemKeyCertOptions;
import io.vertx.core.net.PemTrustOptions;
import io.vertx.redis.client.RedisOptions;

/**
 * How the gateway's Redis links do TLS ({@code rediss://} URLs): the server's certificate is always
 * checked against the host name in the URL (the HTTPS rule: a SAN matching the DNS name or IP
 * address), against {@code caFile} when given, else the JVM's trust store; {@code certFile} and
 * {@code keyFile} add a client certificate for Redis's {@code tls-auth-clients}.
 *
 * @param caFile PEM file of the CA certificate(s) trusted for Redis, null for the JVM's trust store
 * @param certFile PEM client certificate chain, null for none
 * @param keyFile PEM private key of {@code certFile}
 */
public record RedisTls(String caFile, String certFile, String keyFile) {
  /** The JVM's trust store, no client certificate. */
  public static final RedisTls DEFAULT = new RedisTls(null, null, null);

  /** {@code options} with these settings on its TCP client (plain redis:// URLs ignore them). */
  public RedisOptions applyTo(RedisOptions options) {
    NetClientOptions net = options.getNetClientOptions();
    // without an algorithm Vert.x refuses every TLS connection (and with "" it would skip the
    // check)
    net.setHostnameVerificationAlgorithm("HTTPS");
    if (secure(options)) {
      net.setSsl(true);
    }
    if (caFile != null) {
      net.setTrustOptions(new PemTrustOptions().addCertPath(caFile));
    }
    if (certFile != null) {
      net.setKeyCertOptions(new PemKeyCertOptions().setCertPath(certFile).setKeyPath(keyFile));
    }
    return options;
  }

  private static boolean secure(RedisOptions options) {
    for (String e : options.getEndpoints()) {
      if (e.startsWith("rediss://")) {
        return true;
      }
    }
    return false;
  }
}
