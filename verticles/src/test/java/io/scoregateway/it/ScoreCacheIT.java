package io.scoregateway.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.scoregateway.devredis.LocalRedis;
import io.scoregateway.redis.RedisCall;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.redis.client.Command;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Immutable snapshot entries are served from memory, gaps included, and a new snapshot is never
 * masked.
 */
class ScoreCacheIT {
  static TestGateway gw;

  @BeforeAll
  static void setUp() throws Exception {
    gw = TestGateway.start(LocalRedis.start(), 1, null, 5_000, 1_000);
    gw.snapshot("v1", true, "t1", "", 0.2, "t2", "", 0.3);
    assertThat(gw.putCampaign("c1", TestGateway.campaign("t1", "t2", "t3")).statusCode())
        .isEqualTo(200);
  }

  @AfterAll
  static void tearDown() {
    gw.close();
  }

  static JsonArray score() {
    return gw.score(
            new JsonObject()
                .put("user", "u-1")
                .put("surface", "autoplay")
                .put("market", "SE")
                .put("candidates", new JsonArray().add("t1").add("t2").add("t3")))
        .bodyAsJsonObject()
        .getJsonArray("results");
  }

  static long mgets() {
    String info =
        gw.seedLink.send(RedisCall.keyless(Command.INFO).arg("commandstats")).await().toString();
    int at = info.indexOf("cmdstat_mget:calls=");
    return at < 0 ? 0 : Long.parseLong(info.substring(at + 19, info.indexOf(',', at)));
  }

  @Test
  void repeatLookupsSkipRedisAndActivationSwitchesAtOnce() {
    JsonArray first = score();
    long after1 = mgets();
    JsonArray second = score();
    long after2 = mgets();
    assertThat(second).isEqualTo(first);
    assertThat(first.getJsonObject(2).getString("reason")).isEqualTo("no_score");
    assertThat(second.getJsonObject(2).getString("reason"))
        .as("a known gap stays a gap")
        .isEqualTo("no_score");
    assertThat(after2 - after1)
        .as("no score MGET for cached entries (t3 has no row, cached as such)")
        .isZero();

    gw.snapshot("v2", true, "t1", "", 0.9, "t2", "", 0.8, "t3", "", 0.7);
    JsonArray third = score();
    assertThat(third.getJsonObject(0).getDouble("score")).isEqualTo(0.9);
    assertThat(third.getJsonObject(2).getString("reason")).isEqualTo("promoted");
    assertThat(mgets() - after2).isEqualTo(1);

    String metrics = gw.engine.telemetry().scrape().get();
    assertThat(metrics)
        .contains("gateway_score_cache_requests_total{result=\"hit\"} 3.0")
        .contains("gateway_score_cache_requests_total{result=\"miss\"} 6.0");
  }
}
