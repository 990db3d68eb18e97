package io.scoregateway.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.scoregateway.redis.RedisCall;
import io.scoregateway.store.Keys;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.redis.client.Command;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /admin/v1/campaigns/{id}/history} over real HTTP and Redis: one entry per slot the
 * controller stepped (the test clock moves a slot at a time), the plan over the flight, 404 for an
 * unknown campaign, and nothing left once the campaign is deleted.
 */
class HistoryIT {
  static final long SLOT = 60_000;
  static TestGateway gw;

  @BeforeAll
  static void setUp() throws Exception {
    gw = TestGateway.start(1, null);
    gw.snapshot("snap-h", true, "tH1", "", 0.5, "tH2", "", 0.4);
  }

  @AfterAll
  static void tearDown() {
    gw.close();
  }

  static HttpResponse<Buffer> get(String path) {
    return gw.http.get(gw.adminPort, "127.0.0.1", path).send().await();
  }

  static JsonArray slots(String id) {
    HttpResponse<Buffer> r = get("/admin/v1/campaigns/" + id + "/history");
    assertThat(r.statusCode()).as(r.bodyAsString()).isEqualTo(200);
    return r.bodyAsJsonObject().getJsonArray("slots");
  }

  static JsonArray awaitSlots(String id, int n) {
    long deadline = System.currentTimeMillis() + 5_000;
    JsonArray s = slots(id);
    while (s.size() < n && System.currentTimeMillis() < deadline) {
      TestGateway.sleep(50);
      s = slots(id);
    }
    assertThat(s).as("history of %s", id).hasSize(n);
    return s;
  }

  static void demand(String track, int users) {
    for (int u = 0; u < users; u++) {
      HttpResponse<Buffer> r =
          gw.score(
              new JsonObject()
                  .put("user", "u" + u)
                  .put("surface", "autoplay")
                  .put("market", "SE")
                  .put("candidates", new JsonArray().add(track)));
      assertThat(r.statusCode()).isEqualTo(200);
    }
  }

  @Test
  void oneEntryPerSlotAndThePlanOverTheFlight() {
    Instant now = gw.clock.instant();
    JsonObject body =
        TestGateway.campaign("tH1")
            .put("pacing", "even")
            .put("budget", 600)
            .put("start", now.toString())
            .put("end", now.plusSeconds(60 * 60).toString());
    assertThat(gw.putCampaign("h1", body).statusCode()).isEqualTo(200);
    awaitSlots("h1", 1);
    for (int k = 2; k <= 6; k++) {
      demand("tH1", 20);
      gw.clock.advanceMs(SLOT);
      awaitSlots("h1", k);
    }
    JsonObject doc = get("/admin/v1/campaigns/h1/history").bodyAsJsonObject();
    JsonArray slots = doc.getJsonArray("slots");
    long first = Instant.parse(slots.getJsonObject(0).getString("at")).toEpochMilli();
    for (int i = 0; i < slots.size(); i++) {
      JsonObject s = slots.getJsonObject(i);
      long at = Instant.parse(s.getString("at")).toEpochMilli();
      assertThat(at / SLOT).as("slot of entry %d", i).isEqualTo(first / SLOT + i);
      // an even plan of 600 over 60 minutes: 10 per minute elapsed
      assertThat(s.getDouble("planned")).isCloseTo((at - now.toEpochMilli()) / 6_000.0, within());
      assertThat(s.getDouble("pass_rate")).isBetween(0.0, 1.0);
    }
    assertThat(slots.getJsonObject(0).getValue("demand")).isNull();
    assertThat(slots.getJsonObject(5).getDouble("demand")).isPositive();
    assertThat(slots.getJsonObject(5).getLong("promoted"))
        .isGreaterThan(slots.getJsonObject(1).getLong("promoted"));
    assertThat(doc.getLong("slot_ms")).isEqualTo(SLOT);
    assertThat(doc.getLong("budget")).isEqualTo(600);
    JsonArray plan = doc.getJsonArray("plan");
    assertThat(plan).hasSize(97);
    assertThat(plan.getJsonObject(0).getString("at")).isEqualTo(now.toString());
    assertThat(plan.getJsonObject(0).getDouble("planned")).isZero();
    assertThat(plan.getJsonObject(48).getDouble("planned")).isCloseTo(300, within());
    assertThat(plan.getJsonObject(96).getDouble("planned")).isEqualTo(600);
  }

  @Test
  void unknownCampaignsAnswer404AndBadIds400() {
    HttpResponse<Buffer> r = get("/admin/v1/campaigns/nope/history");
    assertThat(r.statusCode()).isEqualTo(404);
    assertThat(r.bodyAsJsonObject().getString("detail")).isEqualTo("campaign nope does not exist");
    HttpResponse<Buffer> bad = get("/admin/v1/campaigns/no%20pe/history");
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.bodyAsJsonObject().getString("detail")).startsWith("id:");
  }

  @Test
  void deletingACampaignDeletesItsHistory() {
    Instant now = gw.clock.instant();
    JsonObject body =
        TestGateway.campaign("tH2")
            .put("start", now.toString())
            .put("end", now.plusSeconds(3_600).toString());
    assertThat(gw.putCampaign("h2", body).statusCode()).isEqualTo(200);
    awaitSlots("h2", 1);
    assertThat(exists(Keys.history("h2"))).isTrue();
    HttpResponse<Buffer> del =
        gw.http.delete(gw.adminPort, "127.0.0.1", "/admin/v1/campaigns/h2").send().await();
    assertThat(del.statusCode()).isEqualTo(204);
    assertThat(exists(Keys.history("h2"))).isFalse();
    assertThat(get("/admin/v1/campaigns/h2/history").statusCode()).isEqualTo(404);
  }

  static boolean exists(String key) {
    return gw.seedLink.send(RedisCall.on(Command.EXISTS, key)).await().toInteger() == 1;
  }

  static org.assertj.core.data.Offset<Double> within() {
    return org.assertj.core.data.Offset.offset(0.01);
  }
}
