package io.scoregateway.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.scoregateway.devredis.LocalRedis;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A slow or absent Redis never makes the caller wait past its deadline, nor see a 5xx. */
class DeadlineIT {
  static TestGateway gw;

  @BeforeAll
  static void setUp() throws Exception {
    gw = TestGateway.start(LocalRedis.start(), 1, null, 50);
    gw.snapshot("s", true, "t1", "", 0.5);
    assertThat(gw.putCampaign("c1", TestGateway.campaign("t1")).statusCode()).isEqualTo(200);
  }

  @AfterAll
  static void tearDown() {
    gw.close();
  }

  static JsonObject request() {
    return new JsonObject()
        .put("user", "u-1")
        .put("surface", "autoplay")
        .put("market", "SE")
        .put("candidates", new JsonArray(List.of("t0", "t1", "t0")));
  }

  @Test
  void pausedRedisDegradesUnresolvedCandidatesOnTime() throws Exception {
    assertThat(
            gw.score(request())
                .bodyAsJsonObject()
                .getJsonArray("results")
                .getJsonObject(1)
                .getString("reason"))
        .isEqualTo("promoted");
    assertThat(gw.redis.command("CLIENT PAUSE 600 ALL")).isEqualTo("+OK");

    long start = System.nanoTime();
    HttpResponse<Buffer> r = gw.score(request());
    long tookMs = (System.nanoTime() - start) / 1_000_000;

    assertThat(r.statusCode()).isEqualTo(200);
    JsonObject body = r.bodyAsJsonObject();
    assertThat(body.getBoolean("degraded")).isTrue();
    JsonArray res = body.getJsonArray("results");
    assertThat(res.getJsonObject(0).getString("reason")).isEqualTo("not_enrolled");
    assertThat(res.getJsonObject(1).getString("reason")).isEqualTo("degraded");
    assertThat(res.getJsonObject(1).getString("campaign")).isEqualTo("c1");
    assertThat(res.getJsonObject(1).getBoolean("promoted")).isFalse();
    assertThat(tookMs).as("answered within the 50 ms deadline plus slack").isLessThan(50 + 40);

    // a caller's own, shorter deadline is honoured too
    long start2 = System.nanoTime();
    HttpResponse<Buffer> quick =
        gw.http
            .post(gw.port, "127.0.0.1", "/v1/scores")
            .putHeader("x-request-timeout-ms", "10")
            .sendJsonObject(request())
            .await();
    assertThat((System.nanoTime() - start2) / 1_000_000).isLessThan(10 + 40);
    assertThat(quick.bodyAsJsonObject().getBoolean("degraded")).isTrue();

    // after the pause, answers resolve again without a restart
    TestGateway.sleep(700);
    String reason = null;
    for (int i = 0; i < 20 && !"promoted".equals(reason); i++) {
      // the breaker probes again within its backoff; a loaded machine may need a few tries
      reason =
          gw.score(request())
              .bodyAsJsonObject()
              .getJsonArray("results")
              .getJsonObject(1)
              .getString("reason");
      TestGateway.sleep("promoted".equals(reason) ? 0 : 100);
    }
    assertThat(reason).isEqualTo("promoted");
  }

  @Test
  void streamedAnswersAlsoEndOnTime() throws Exception {
    assertThat(gw.redis.command("CLIENT PAUSE 400 ALL")).isEqualTo("+OK");
    HttpResponse<Buffer> r =
        gw.http
            .post(gw.port, "127.0.0.1", "/v1/scores")
            .putHeader("accept", "application/x-ndjson")
            .sendJsonObject(request())
            .await();
    String[] lines = r.bodyAsString().split("\n");
    assertThat(lines).hasSize(4);
    assertThat(new JsonObject(lines[1]).getString("reason")).isEqualTo("degraded");
    assertThat(new JsonObject(lines[3]).getBoolean("degraded")).isTrue();
    TestGateway.sleep(450);
  }
}
