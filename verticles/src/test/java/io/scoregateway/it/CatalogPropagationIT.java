package io.scoregateway.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.scoregateway.devredis.LocalRedis;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

/** A campaign change made through one instance reaches another instance's answers within 5 s. */
class CatalogPropagationIT {
  @Test
  void changesReachOtherInstancesQuickly() throws Exception {
    LocalRedis redis = LocalRedis.start();
    TestGateway a = TestGateway.start(redis, 1, null, 5_000);
    TestGateway b = TestGateway.start(redis, 1, null, 5_000);
    try {
      a.snapshot("s", true, "t1", "", 0.5);
      JsonObject req =
          new JsonObject()
              .put("user", "u-1")
              .put("surface", "autoplay")
              .put("market", "SE")
              .put("candidates", new JsonArray().add("t1"));
      assertThat(reason(b, req)).isEqualTo("not_enrolled");

      long start = System.nanoTime();
      assertThat(a.putCampaign("c1", TestGateway.campaign("t1")).statusCode()).isEqualTo(200);
      long seenMs = awaitReason(b, req, "promoted", start);
      assertThat(seenMs).as("create visible on the other instance, ms").isLessThan(5_000);

      start = System.nanoTime();
      assertThat(
              a.putCampaign("c1", TestGateway.campaign("t1").put("status", "paused")).statusCode())
          .isEqualTo(200);
      assertThat(awaitReason(b, req, "paused", start)).as("update visible, ms").isLessThan(5_000);

      start = System.nanoTime();
      assertThat(
              a.http
                  .delete(a.adminPort, "127.0.0.1", "/admin/v1/campaigns/c1")
                  .send()
                  .await()
                  .statusCode())
          .isEqualTo(204);
      assertThat(awaitReason(b, req, "not_enrolled", start))
          .as("delete visible, ms")
          .isLessThan(5_000);
    } finally {
      b.vertx.close().await();
      a.close();
    }
  }

  private static String reason(TestGateway gw, JsonObject req) {
    return gw.score(req)
        .bodyAsJsonObject()
        .getJsonArray("results")
        .getJsonObject(0)
        .getString("reason");
  }

  private static long awaitReason(
      TestGateway gw, JsonObject req, String expected, long startNanos) {
    while (System.nanoTime() - startNanos < 10_000_000_000L) {
      if (reason(gw, req).equals(expected)) {
        return (System.nanoTime() - startNanos) / 1_000_000;
      }
      TestGateway.sleep(5);
    }
    throw new AssertionError("never saw " + expected);
  }
}
