package io.scoregateway.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.scoregateway.devredis.LocalRedis;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import org.junit.jupiter.api.Test;

/**
 * A gateway started while Redis is unreachable cannot tell which campaigns exist: deliveries are
 * refused as retryable (503, Retry-After), never rejected for good, and scores are degraded, not
 * "not enrolled". Once Redis is up the same deliveries are counted.
 */
class CatalogNotLoadedIT {
  static JsonObject deliveries() {
    return new JsonObject()
        .put(
            "events",
            new JsonArray()
                .add(
                    new JsonObject()
                        .put("id", "e-1")
                        .put("user", "u-1")
                        .put("track", "t1")
                        .put("campaign", "c1")
                        .put("surface", "autoplay")
                        .put("ts", "2026-11-28T11:59:00Z")));
  }

  static JsonObject scores() {
    return new JsonObject()
        .put("user", "u-1")
        .put("surface", "autoplay")
        .put("market", "SE")
        .put("candidates", new JsonArray().add("t1").add("t2"));
  }

  @Test
  void answersRetryableUntilTheCatalogLoads() throws Exception {
    int redisPort = LocalRedis.freePort();
    try (TestGateway gw = TestGateway.startBeforeRedis(redisPort)) {
      HttpResponse<Buffer> d =
          gw.http.post(gw.port, "127.0.0.1", "/v1/deliveries").sendJsonObject(deliveries()).await();
      assertThat(d.statusCode()).as(d.bodyAsString()).isEqualTo(503);
      assertThat(d.getHeader("retry-after")).isNotNull();
      assertThat(d.bodyAsJsonObject().getString("detail")).contains("catalog");

      JsonObject s =
          gw.http
              .post(gw.port, "127.0.0.1", "/v1/scores")
              .sendJsonObject(scores())
              .await()
              .bodyAsJsonObject();
      assertThat(s.getBoolean("degraded")).isTrue();
      assertThat(
              s.getJsonArray("results").stream()
                  .map(o -> ((JsonObject) o).getString("reason"))
                  .toList())
          .containsExactly("degraded", "degraded");

      // Redis comes up on the port the gateway has been trying all along
      LocalRedis redis = LocalRedis.start(redisPort, java.util.List.of());
      try (redis) {
        gw.seedLink.connect().await();
        long deadline = System.currentTimeMillis() + 10_000;
        while (true) {
          HttpResponse<Buffer> ready =
              gw.http.get(gw.adminPort, "127.0.0.1", "/health/ready").send().await();
          if (ready.statusCode() == 200) {
            break;
          }
          assertThat(System.currentTimeMillis())
              .as("ready once Redis is up: " + ready.bodyAsString())
              .isLessThan(deadline);
          TestGateway.sleep(50);
        }
        gw.snapshot("s", true, "t1", "", 0.5);
        assertThat(gw.putCampaign("c1", TestGateway.campaign("t1")).statusCode()).isEqualTo(200);
        HttpResponse<Buffer> retried =
            gw.http
                .post(gw.port, "127.0.0.1", "/v1/deliveries")
                .sendJsonObject(deliveries())
                .await();
        assertThat(retried.statusCode()).as(retried.bodyAsString()).isEqualTo(200);
        assertThat(retried.bodyAsJsonObject().getInteger("accepted")).isEqualTo(1);
      }
    }
  }
}
