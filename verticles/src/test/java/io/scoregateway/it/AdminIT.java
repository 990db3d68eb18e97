package io.scoregateway.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.scoregateway.redis.RedisCall;
import io.scoregateway.store.Keys;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.redis.client.Command;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The campaign admin API over real HTTP and a real Redis; the clock is 2026-11-28T12:00:00Z. */
class AdminIT {
  static TestGateway gw;

  @BeforeAll
  static void setUp() throws Exception {
    gw = TestGateway.start(1, null);
    gw.snapshot("snap1", true, "tDel1", "", 0.5, "tDel2", "", 0.5);
  }

  @AfterAll
  static void tearDown() {
    gw.close();
  }

  static HttpResponse<Buffer> get(String path) {
    return gw.http.get(gw.adminPort, "127.0.0.1", path).send().await();
  }

  static HttpResponse<Buffer> delete(String id) {
    return gw.http.delete(gw.adminPort, "127.0.0.1", "/admin/v1/campaigns/" + id).send().await();
  }

  static JsonObject ok(HttpResponse<Buffer> r) {
    assertThat(r.statusCode()).as(r.bodyAsString()).isEqualTo(200);
    return r.bodyAsJsonObject();
  }

  static void assertProblem(HttpResponse<Buffer> r, int status, String detailContains) {
    assertThat(r.statusCode()).as(r.bodyAsString()).isEqualTo(status);
    assertThat(r.getHeader("content-type")).isEqualTo("application/problem+json");
    assertThat(r.bodyAsJsonObject().getInteger("status")).isEqualTo(status);
    assertThat(r.bodyAsJsonObject().getString("detail")).contains(detailContains);
  }

  /**
   * An even plan flying from the test clock's now for 1000 minutes: a campaign created after its
   * start spreads its whole budget over what is left of its flight, so these start now.
   */
  static JsonObject fromNow(JsonObject campaign) {
    Instant now = gw.clock.instant();
    return campaign
        .put("pacing", "even")
        .put("start", now.toString())
        .put("end", now.plusSeconds(1000 * 60).toString());
  }

  static void setDelivered(String id, long delivered) {
    gw.seedLink
        .send(RedisCall.on(Command.HSET, Keys.pacing(id)).arg("delivered").arg(delivered))
        .await();
  }

  static String state(String id) {
    return ok(get("/admin/v1/campaigns/" + id)).getString("state");
  }

  @Test
  void putGetListDelete() {
    JsonObject body =
        TestGateway.campaign("tCrud1", "tCrud2")
            .put("surfaces", new JsonArray().add("autoplay"))
            .put("markets", new JsonArray().add("SE"))
            .put("frequency_cap", new JsonObject().put("max", 3).put("window_seconds", 86400));
    JsonObject put = ok(gw.putCampaign("cCrud", body));
    assertThat(put.getString("id")).isEqualTo("cCrud");
    JsonObject got = ok(get("/admin/v1/campaigns/cCrud"));
    for (String field : body.fieldNames()) {
      assertThat(got.getValue(field)).as(field).isEqualTo(body.getValue(field));
    }
    JsonArray all = ok(get("/admin/v1/campaigns")).getJsonArray("campaigns");
    assertThat(all.stream().map(o -> ((JsonObject) o).getString("id")).toList()).contains("cCrud");

    ok(gw.putCampaign("cCrud", body.copy().put("budget", 77)));
    assertThat(ok(get("/admin/v1/campaigns/cCrud")).getLong("budget")).isEqualTo(77);

    assertThat(delete("cCrud").statusCode()).isEqualTo(204);
    assertProblem(get("/admin/v1/campaigns/cCrud"), 404, "cCrud");
    JsonArray after = ok(get("/admin/v1/campaigns")).getJsonArray("campaigns");
    assertThat(after.stream().map(o -> ((JsonObject) o).getString("id")).toList())
        .doesNotContain("cCrud");
  }

  @Test
  void getShowsLivePacingNumbers() {
    ok(gw.putCampaign("cLive", fromNow(TestGateway.campaign("tLive"))));
    gw.clock.advanceMs(600 * 60_000);
    try {
      setDelivered("cLive", 321);
      JsonObject got = ok(get("/admin/v1/campaigns/cLive"));
      assertThat(got.getLong("delivered")).isEqualTo(321);
      // 600 of the flight's 1000 minutes elapsed, budget 1000
      assertThat(got.getDouble("planned")).isCloseTo(600, within(1e-9));
      assertThat(got.getDouble("pass_rate")).isBetween(0.0, 1.0);
      assertThat(got.getString("state")).isEqualTo("behind");
    } finally {
      gw.clock.advanceMs(-600 * 60_000);
    }
  }

  @Test
  void unknownCampaignIs404() {
    assertProblem(get("/admin/v1/campaigns/cNope"), 404, "campaign cNope");
    assertProblem(delete("cNope"), 404, "campaign cNope");
  }

  @Test
  void aTrackOfAnotherOpenCampaignIs409NamingIt() {
    ok(gw.putCampaign("cOwner", TestGateway.campaign("tShared1", "tShared2")));
    assertProblem(
        gw.putCampaign("cThief", TestGateway.campaign("tOwn", "tShared2")), 409, "cOwner");
    assertProblem(gw.putCampaign("cThief", TestGateway.campaign("tShared2")), 409, "tShared2");
    assertProblem(get("/admin/v1/campaigns/cThief"), 404, "cThief");
  }

  @Test
  void validationErrorsNameTheField() {
    JsonObject base = TestGateway.campaign("tVal");
    assertProblem(
        gw.putCampaign("cVal", base.copy().put("tracks", new JsonArray().add("ok").add("bad id"))),
        400,
        "tracks[1]");
    assertProblem(
        gw.putCampaign("cVal", base.copy().put("end", "2026-10-01T00:00:00Z")), 400, "end");
    assertProblem(gw.putCampaign("cVal", base.copy().put("end", "tomorrow")), 400, "end");
    assertProblem(gw.putCampaign("cVal", base.copy().put("budget", -5)), 400, "budget");
    assertProblem(gw.putCampaign("cVal", base.copy().put("budget", 1.5)), 400, "budget");
    assertProblem(gw.putCampaign("cVal", base.copy().put("pacing", "fast")), 400, "pacing");
    assertProblem(
        gw.putCampaign("cVal", base.copy().put("markets", new JsonArray().add("se"))),
        400,
        "markets[0]");
    assertProblem(
        gw.putCampaign(
            "cVal",
            base.copy()
                .put("frequency_cap", new JsonObject().put("max", 0).put("window_seconds", 60))),
        400,
        "frequency_cap.max");
    assertProblem(gw.putCampaign("cVal", base.copy().put("id", "cOther")), 400, "id");
    HttpResponse<Buffer> notJson =
        gw.http
            .put(gw.adminPort, "127.0.0.1", "/admin/v1/campaigns/cVal")
            .putHeader("content-type", "application/json")
            .sendBuffer(Buffer.buffer("{\"tracks\": ["))
            .await();
    assertProblem(notJson, 400, "body");
    assertProblem(get("/admin/v1/campaigns/cVal"), 404, "cVal");
    // an id in the body equal to the path is fine
    ok(gw.putCampaign("cVal", base.copy().put("id", "cVal")));
  }

  @Test
  void aDeletedCampaignsTracksAreNotEnrolled() {
    ok(gw.putCampaign("cDel", TestGateway.campaign("tDel1", "tDel2")));
    JsonObject req =
        new JsonObject()
            .put("user", "u-1")
            .put("surface", "autoplay")
            .put("market", "SE")
            .put("candidates", new JsonArray(List.of("tDel1", "tDel2")));
    assertThat(reasons(gw.score(req))).containsExactly("promoted", "promoted");
    assertThat(delete("cDel").statusCode()).isEqualTo(204);
    assertThat(reasons(gw.score(req))).containsExactly("not_enrolled", "not_enrolled");
    // and the tracks are free for another campaign
    ok(gw.putCampaign("cDel2", TestGateway.campaign("tDel1")));
  }

  static List<String> reasons(HttpResponse<Buffer> r) {
    return ok(r).getJsonArray("results").stream()
        .map(o -> ((JsonObject) o).getString("reason"))
        .toList();
  }

  @Test
  void statesFollowClockConfigAndDelivery() {
    ok(
        gw.putCampaign(
            "cSched",
            TestGateway.campaign("tS1")
                .put("start", "2026-12-05T00:00:00Z")
                .put("end", "2026-12-06T00:00:00Z")));
    ok(
        gw.putCampaign(
            "cEnded",
            TestGateway.campaign("tS2")
                .put("start", "2026-10-01T00:00:00Z")
                .put("end", "2026-11-01T00:00:00Z")));
    ok(gw.putCampaign("cPaused", TestGateway.campaign("tS3").put("status", "paused")));
    ok(gw.putCampaign("cSpent", TestGateway.campaign("tS4")));
    ok(gw.putCampaign("cAhead", fromNow(TestGateway.campaign("tS5"))));
    ok(gw.putCampaign("cBehind", fromNow(TestGateway.campaign("tS6"))));
    ok(gw.putCampaign("cOnPlan", fromNow(TestGateway.campaign("tS7"))));
    gw.clock.advanceMs(600 * 60_000);
    try {
      assertStates();
    } finally {
      gw.clock.advanceMs(-600 * 60_000);
    }
  }

  /** The states 600 minutes into the 1000-minute flights of {@link #fromNow} (planned 600). */
  private static void assertStates() {
    setDelivered("cSpent", 1000);
    setDelivered("cAhead", 640);
    setDelivered("cBehind", 500);
    setDelivered("cOnPlan", 601);

    assertThat(state("cSched")).isEqualTo("scheduled");
    assertThat(state("cEnded")).isEqualTo("ended");
    assertThat(state("cPaused")).isEqualTo("paused");
    assertThat(state("cSpent")).isEqualTo("exhausted");
    assertThat(state("cAhead")).isEqualTo("ahead");
    assertThat(state("cBehind")).isEqualTo("behind");
    assertThat(state("cOnPlan")).isEqualTo("pacing");
    JsonArray all = ok(get("/admin/v1/campaigns")).getJsonArray("campaigns");
    JsonObject spent =
        all.stream()
            .map(o -> (JsonObject) o)
            .filter(o -> o.getString("id").equals("cSpent"))
            .findFirst()
            .orElseThrow();
    assertThat(spent.getString("state")).isEqualTo("exhausted");
    assertThat(spent.getLong("delivered")).isEqualTo(1000);
  }
}
