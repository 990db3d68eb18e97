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
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** POST /v1/scores against a real Redis: every reason, order, fallback, allocation. */
class ScoresIT {
  static TestGateway gw;

  @BeforeAll
  static void setUp() throws Exception {
    gw = TestGateway.start(2, null);
    seed();
  }

  /** The data every test here reads (also seeded by the cluster variant). */
  static void seed() {
    gw.snapshot(
        "snap1",
        true,
        "tP",
        "",
        0.5,
        "tP",
        "s7",
        0.8,
        "tFallback",
        "",
        0.3,
        "tA",
        "",
        0.5,
        "tB",
        "",
        0.2,
        "tPaused",
        "",
        0.4,
        "tFlight",
        "",
        0.4,
        "tSurf",
        "",
        0.4,
        "tMarket",
        "",
        0.4,
        "tBudget",
        "",
        0.4,
        "tFreq",
        "",
        0.4,
        "tPaced",
        "",
        0.4,
        "tZero",
        "",
        0.0);
    // pacing state the instances learn when the campaign goes live: cBudget's budget is spent,
    // cPaced has 999 of its 1000 promoted (in flight) and nothing left in its plan for now
    redis(RedisCall.on(Command.HSET, Keys.pacing("cBudget")).arg("delivered").arg(5));
    redis(RedisCall.on(Command.HSET, Keys.pacing("cPaced")).arg("promoted").arg(999));
    put("cP", TestGateway.campaign("tP", "tFallback", "tA", "tB", "tZero").put("boost", 2.0));
    put("cPaused", TestGateway.campaign("tPaused").put("status", "paused"));
    put(
        "cFlight",
        TestGateway.campaign("tFlight")
            .put("start", "2026-12-05T00:00:00Z")
            .put("end", "2026-12-06T00:00:00Z"));
    put("cSurf", TestGateway.campaign("tSurf").put("surfaces", new JsonArray().add("radio")));
    put("cMarket", TestGateway.campaign("tMarket").put("markets", new JsonArray().add("US")));
    put("cNoScore", TestGateway.campaign("tNoScore"));
    put("cBudget", TestGateway.campaign("tBudget").put("budget", 5));
    put(
        "cFreq",
        TestGateway.campaign("tFreq")
            .put("frequency_cap", new JsonObject().put("max", 2).put("window_seconds", 3600)));
    put("cPaced", TestGateway.campaign("tPaced").put("pacing", "even"));
    long capWindow = gw.clock.millis() / 3_600_000;
    redis(RedisCall.on(Command.SET, Keys.frequency("u-1", "cFreq", capWindow)).arg(2));
  }

  @AfterAll
  static void tearDown() {
    gw.close();
  }

  static void put(String id, JsonObject body) {
    HttpResponse<Buffer> r = gw.putCampaign(id, body);
    assertThat(r.statusCode()).as(r.bodyAsString()).isEqualTo(200);
  }

  static void redis(RedisCall r) {
    gw.seedLink.send(r).await();
  }

  static JsonObject request(String user, String... candidates) {
    return new JsonObject()
        .put("user", user)
        .put("surface", "autoplay")
        .put("market", "SE")
        .put("candidates", new JsonArray(List.of(candidates)));
  }

  static JsonArray results(HttpResponse<Buffer> r) {
    assertThat(r.statusCode()).as(r.bodyAsString()).isEqualTo(200);
    return r.bodyAsJsonObject().getJsonArray("results");
  }

  static String reason(JsonArray results, int i) {
    return results.getJsonObject(i).getString("reason");
  }

  @Test
  void everyGateAnswersItsReasonInContractOrder() {
    JsonArray res =
        results(
            gw.score(
                request(
                    "u-1",
                    "tUnknown",
                    "tPaused",
                    "tFlight",
                    "tSurf",
                    "tMarket",
                    "tNoScore",
                    "tBudget",
                    "tFreq",
                    "tPaced",
                    "tP",
                    "tZero")));
    assertThat(res.stream().map(o -> ((JsonObject) o).getString("reason")).toList())
        .containsExactly(
            "not_enrolled",
            "paused",
            "outside_flight",
            "surface_excluded",
            "market_excluded",
            "no_score",
            "budget_exhausted",
            "frequency_capped",
            "paced",
            "promoted",
            "no_score");
    assertThat(res.getJsonObject(0).containsKey("campaign")).isFalse();
    assertThat(res.getJsonObject(7).getString("campaign")).isEqualTo("cFreq");
    for (int i = 0; i < 9; i++) {
      assertThat(res.getJsonObject(i).getBoolean("promoted")).isFalse();
      assertThat(res.getJsonObject(i).getDouble("score")).isZero();
    }
    assertThat(res.getJsonObject(9).getBoolean("promoted")).isTrue();
  }

  @Test
  void gatesAreRelativeToTheCaller() {
    // the frequency cap binds u-1 only; the surface gate opens on an allowed surface
    assertThat(reason(results(gw.score(request("u-2", "tFreq"))), 0)).isEqualTo("promoted");
    JsonObject radio =
        request("u-2", "tSurf", "tMarket").put("surface", "radio").put("market", "US");
    JsonArray res = results(gw.score(radio));
    assertThat(reason(res, 0)).isEqualTo("promoted");
    assertThat(reason(res, 1)).isEqualTo("promoted");
  }

  @Test
  void resultsFollowRequestOrderAndAnswerDuplicatesEachTime() {
    JsonArray res = results(gw.score(request("u-3", "tX", "tP", "tX", "tP", "tB")));
    assertThat(res.stream().map(o -> ((JsonObject) o).getString("track")).toList())
        .containsExactly("tX", "tP", "tX", "tP", "tB");
    assertThat(reason(res, 0)).isEqualTo("not_enrolled");
    assertThat(reason(res, 2)).isEqualTo("not_enrolled");
    assertThat(res.getJsonObject(1)).isEqualTo(res.getJsonObject(3));
  }

  @Test
  void segmentScoreFallsBackToDefaultAndIsBoosted() {
    JsonArray res = results(gw.score(request("u-4", "tP", "tFallback").put("segment", "s7")));
    assertThat(res.getJsonObject(0).getDouble("score")).isCloseTo(0.8 * 2.0, within(1e-9));
    assertThat(res.getJsonObject(1).getDouble("score")).isCloseTo(0.3 * 2.0, within(1e-9));
    JsonArray other = results(gw.score(request("u-4", "tP").put("segment", "s9")));
    assertThat(other.getJsonObject(0).getDouble("score")).isCloseTo(0.5 * 2.0, within(1e-9));
    JsonArray none = results(gw.score(request("u-4", "tP")));
    assertThat(none.getJsonObject(0).getDouble("score")).isCloseTo(0.5 * 2.0, within(1e-9));
  }

  @Test
  void maxPromotedKeepsTheHighestScores() {
    JsonObject req =
        request("u-5", "tB", "tA", "tP", "tFallback", "tA")
            .put("segment", "s7")
            .put("max_promoted", 2);
    JsonArray res = results(gw.score(req));
    // scores (x2 boost): tB 0.4, tA 1.0, tP 1.6, tFallback 0.6: tP and tA keep their slots
    assertThat(res.stream().map(o -> ((JsonObject) o).getString("reason")).toList())
        .containsExactly("slot_limit", "promoted", "promoted", "slot_limit", "promoted");
    assertThat(res.getJsonObject(0).getDouble("score")).isZero();
    JsonArray zero = results(gw.score(request("u-5", "tP", "tA").put("max_promoted", 0)));
    assertThat(reason(zero, 0)).isEqualTo("slot_limit");
    assertThat(reason(zero, 1)).isEqualTo("slot_limit");
  }

  @Test
  void explainShowsTheInputsOfTheDecision() {
    JsonArray res = results(gw.score(request("u-1", "tFreq", "tP").put("explain", true)));
    JsonObject capped = res.getJsonObject(0).getJsonObject("explain");
    assertThat(capped.getLong("user_count")).isEqualTo(2);
    assertThat(capped.getDouble("base_score")).isCloseTo(0.4, within(1e-9));
    JsonObject promoted = res.getJsonObject(1).getJsonObject("explain");
    assertThat(promoted.getDouble("boost")).isEqualTo(2.0);
    assertThat(promoted.getDouble("pass_rate")).isEqualTo(1.0);
    assertThat(promoted.getLong("delivered")).isZero();
    assertThat(results(gw.score(request("u-1", "tP"))).getJsonObject(0).containsKey("explain"))
        .isFalse();
  }

  @Test
  void answersCarrySnapshotAndServerTiming() {
    HttpResponse<Buffer> r = gw.score(request("u-6", "tP"));
    assertThat(r.bodyAsJsonObject().getString("snapshot")).isEqualTo("snap1");
    assertThat(r.bodyAsJsonObject().getBoolean("degraded")).isFalse();
    assertThat(r.getHeader("server-timing")).contains("redis;dur=").contains("total;dur=");
  }

  @Test
  void ndjsonStreamsOneLinePerCandidateThenDone() {
    HttpResponse<Buffer> r =
        gw.http
            .post(gw.port, "127.0.0.1", "/v1/scores")
            .putHeader("accept", "application/x-ndjson")
            .sendJsonObject(request("u-7", "tX", "tP", "tPaused", "tP"))
            .await();
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.getHeader("content-type")).isEqualTo("application/x-ndjson");
    String[] lines = r.bodyAsString().split("\n");
    assertThat(lines).hasSize(5);
    assertThat(new JsonObject(lines[0]).getString("reason")).isEqualTo("not_enrolled");
    assertThat(new JsonObject(lines[1]).getString("reason")).isEqualTo("promoted");
    assertThat(new JsonObject(lines[2]).getString("reason")).isEqualTo("paused");
    assertThat(new JsonObject(lines[3]).getString("track")).isEqualTo("tP");
    JsonObject done = new JsonObject(lines[4]);
    assertThat(done.getBoolean("done")).isTrue();
    assertThat(done.getString("snapshot")).isEqualTo("snap1");
    assertThat(done.getBoolean("degraded")).isFalse();
  }
}
