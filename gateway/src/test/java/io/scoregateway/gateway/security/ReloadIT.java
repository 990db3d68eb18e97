package io.scoregateway.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.scoregateway.auth.TokenAuthenticator;
import io.scoregateway.gateway.config.ConfigKey;
import io.scoregateway.gateway.telemetry.GatewayFixtureAccess;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.Callable;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.Test;

/**
 * Files replaced on disk while the gateway runs, over real TLS connections: a new certificate and
 * key are served to new handshakes on both ports, a new tokens file admits its new clients, and a
 * broken replacement of either leaves the gateway serving what it had.
 */
class ReloadIT {
  @Test
  void certificateAndTokensAreReloadedWithoutRestart() throws Exception {
    Path dir = Files.createTempDirectory("gw-reload");
    Path cert = dir.resolve("cert.pem");
    Path key = dir.resolve("key.pem");
    TestCerts.selfSigned(dir, "first.test", cert, key);
    Path nextCert = dir.resolve("next-cert.pem");
    Path nextKey = dir.resolve("next-key.pem");
    TestCerts.selfSigned(dir, "second.test", nextCert, nextKey);
    Path tokens = dir.resolve("tokens.yaml");
    Files.writeString(tokens, tokens("one"));
    Map<ConfigKey, String> flags = new HashMap<>();
    flags.put(ConfigKey.TLS_CERT, cert.toString());
    flags.put(ConfigKey.TLS_KEY, key.toString());
    flags.put(ConfigKey.NO_AUTH, "false");
    flags.put(ConfigKey.TOKENS_FILE, tokens.toString());
    flags.put(ConfigKey.RELOAD_CHECK_MS, "100");
    Vertx vertx = Vertx.vertx();
    try (AutoCloseable gw = GatewayFixtureAccess.start(flags)) {
      int port = GatewayFixtureAccess.port(gw);
      int adminPort = GatewayFixtureAccess.adminPort(gw);
      assertThat(servedName(port)).isEqualTo("CN=first.test");
      assertThat(servedName(adminPort)).isEqualTo("CN=first.test");

      // key first, then certificate, as a careless copy would: the mismatched moment is refused
      Files.write(key, Files.readAllBytes(nextKey));
      Thread.sleep(300);
      assertThat(servedName(port))
          .as("a key without its certificate is not served")
          .isEqualTo("CN=first.test");
      Files.write(cert, Files.readAllBytes(nextCert));
      await(() -> servedName(port).equals("CN=second.test"));
      await(() -> servedName(adminPort).equals("CN=second.test"));

      Files.writeString(
          cert,
          "-----BEGIN CERTIFICATE-----\nbm90IGEgY2VydGlmaWNhdGU=\n-----END CERTIFICATE-----\n");
      Thread.sleep(400);
      assertThat(servedName(port))
          .as("a broken certificate keeps the last good pair")
          .isEqualTo("CN=second.test");

      WebClient https =
          WebClient.create(
              vertx, new WebClientOptions().setSsl(true).setTrustAll(true).setVerifyHost(false));
      JsonObject body =
          new JsonObject()
              .put("user", "u-1")
              .put("surface", "autoplay")
              .put("market", "SE")
              .put("candidates", new JsonArray().add("t1"));
      Callable<Integer> asTwo =
          () ->
              https
                  .post(port, "127.0.0.1", "/v1/scores")
                  .bearerTokenAuthentication("two-token")
                  .sendJsonObject(body)
                  .await()
                  .statusCode();
      assertThat(asTwo.call()).isEqualTo(401);
      Files.writeString(tokens, tokens("one", "two"));
      await(() -> asTwo.call() == 200);
      Files.writeString(tokens, "clients: [{name: broken\n");
      Thread.sleep(400);
      assertThat(asTwo.call())
          .as("a broken tokens file keeps the clients loaded before")
          .isEqualTo(200);
      Files.writeString(tokens, tokens("one"));
      await(() -> asTwo.call() == 401);
    } finally {
      vertx.close().await();
    }
  }

  private static String tokens(String... names) {
    StringBuilder sb = new StringBuilder("clients:\n");
    for (String n : names) {
      sb.append("  - name: ")
          .append(n)
          .append("\n    roles: [score]\n    token_sha256: ")
          .append(HexFormat.of().formatHex(TokenAuthenticator.sha256(n + "-token")))
          .append('\n');
    }
    return sb.toString();
  }

  /** The subject of the certificate a new TLS handshake gets. */
  private static String servedName(int port) throws Exception {
    try (SSLSocket s =
        (SSLSocket) TestCerts.trustAll().getSocketFactory().createSocket("127.0.0.1", port)) {
      s.setSoTimeout(5_000);
      s.startHandshake();
      return ((X509Certificate) s.getSession().getPeerCertificates()[0])
          .getSubjectX500Principal()
          .getName();
    }
  }

  private static void await(Callable<Boolean> condition) throws Exception {
    long deadline = System.currentTimeMillis() + 5_000;
    while (!condition.call()) {
      assertThat(System.currentTimeMillis()).as("condition within 5 s").isLessThan(deadline);
      Thread.sleep(50);
    }
  }
}
