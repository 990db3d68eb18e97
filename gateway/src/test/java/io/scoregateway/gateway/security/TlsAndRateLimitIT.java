package io.scoregateway.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.scoregateway.auth.TokenAuthenticator;
import io.scoregateway.gateway.config.ConfigKey;
import io.scoregateway.gateway.telemetry.GatewayFixtureAccess;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Both ports over TLS from PEM files, and a per-client rate limit from the tokens file. */
class TlsAndRateLimitIT {
  @Test
  void servesHttpsAndLimitsEachClientToItsRate() throws Exception {
    Path dir = Files.createTempDirectory("gw-tls");
    Path cert = dir.resolve("cert.pem");
    Path key = dir.resolve("key.pem");
    TestCerts.selfSigned(dir, "localhost", cert, key);
    Path tokens = dir.resolve("tokens.yaml");
    Files.writeString(
        tokens,
        "clients:\n"
            + "  - name: slow\n    roles: [score]\n    rate_limit: 5\n    token_sha256: "
            + hash("slow-token")
            + "\n"
            + "  - name: fast\n    roles: [score, admin]\n    token_sha256: "
            + hash("fast-token")
            + "\n");
    Map<ConfigKey, String> flags = new HashMap<>();
    flags.put(ConfigKey.TLS_CERT, cert.toString());
    flags.put(ConfigKey.TLS_KEY, key.toString());
    flags.put(ConfigKey.NO_AUTH, "false");
    flags.put(ConfigKey.TOKENS_FILE, tokens.toString());
    flags.put(ConfigKey.EVENT_LOOPS, "1");
    Vertx vertx = Vertx.vertx();
    try (AutoCloseable gw = GatewayFixtureAccess.start(flags)) {
      int port = GatewayFixtureAccess.port(gw);
      int adminPort = GatewayFixtureAccess.adminPort(gw);
      WebClient https =
          WebClient.create(
              vertx, new WebClientOptions().setSsl(true).setTrustAll(true).setVerifyHost(false));
      WebClient plain = WebClient.create(vertx);
      JsonObject body =
          new JsonObject()
              .put("user", "u-1")
              .put("surface", "autoplay")
              .put("market", "SE")
              .put("candidates", new JsonArray().add("t1"));

      assertThat(https.get(adminPort, "127.0.0.1", "/health/live").send().await().statusCode())
          .isEqualTo(200);
      assertThat(
              https
                  .post(port, "127.0.0.1", "/v1/scores")
                  .bearerTokenAuthentication("fast-token")
                  .sendJsonObject(body)
                  .await()
                  .statusCode())
          .isEqualTo(200);
      assertThat(plain.get(adminPort, "127.0.0.1", "/health/live").send().otherwiseEmpty().await())
          .as("plain HTTP is not served on a TLS port")
          .satisfiesAnyOf(
              r -> assertThat(r).isNull(), r -> assertThat(r.statusCode()).isEqualTo(400));

      int ok = 0;
      int limited = 0;
      long loopStart = System.nanoTime();
      for (int i = 0; i < 30; i++) {
        HttpResponse<Buffer> r =
            https
                .post(port, "127.0.0.1", "/v1/scores")
                .bearerTokenAuthentication("slow-token")
                .sendJsonObject(body)
                .await();
        if (r.statusCode() == 429) {
          limited++;
          assertThat(r.getHeader("retry-after")).isEqualTo("1");
          assertThat(r.bodyAsJsonObject().getString("detail")).contains("client slow");
        } else {
          assertThat(r.statusCode()).isEqualTo(200);
          ok++;
        }
      }
      // a 429 closes the connection (its body is unread), so the next call pays a TLS handshake and
      // the loop takes longer than the burst: the bucket refills at 5/s meanwhile
      double seconds = (System.nanoTime() - loopStart) / 1e9;
      assertThat(ok)
          .as("a burst of one second at 5/s, plus 5/s over %.2f s", seconds)
          .isBetween(5, 6 + (int) Math.ceil(5 * seconds));
      assertThat(limited).isEqualTo(30 - ok).isPositive();
      // other clients are not held back by one client's limit
      assertThat(
              https
                  .post(port, "127.0.0.1", "/v1/scores")
                  .bearerTokenAuthentication("fast-token")
                  .sendJsonObject(body)
                  .await()
                  .statusCode())
          .isEqualTo(200);
      Thread.sleep(1_100);
      assertThat(
              https
                  .post(port, "127.0.0.1", "/v1/scores")
                  .bearerTokenAuthentication("slow-token")
                  .sendJsonObject(body)
                  .await()
                  .statusCode())
          .as("tokens refill")
          .isEqualTo(200);
    } finally {
      vertx.close().await();
    }
  }

  private static String hash(String token) {
    return HexFormat.of().formatHex(TokenAuthenticator.sha256(token));
  }
}
