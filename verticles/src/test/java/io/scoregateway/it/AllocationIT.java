package io.scoregateway.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.scoregateway.allocate.AllocationRules;
import io.scoregateway.allocate.Urgency;
import io.scoregateway.codec.CampaignCodec;
import io.scoregateway.model.Campaign;
import io.scoregateway.pacing.PacingPlan;
import io.scoregateway.pacing.PacingRevision;
import io.scoregateway.redis.RedisCall;
import io.scoregateway.store.Keys;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.redis.client.Command;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The surfaces' allocation over real HTTP and Redis: urgency orders the contest on a balanced
 * surface and not on a relevance one, the relevance floor, the per-label limit and the engagement
 * hold each change the answers, and explain shows their inputs.
 */
class AllocationIT {
  static final String RULES =
      "home: floor=0.3; mix: per_label=1;"
          + " autoplay: max_skip_rate=0.5, min_plays=20, hold_share=0.2; radio: policy=relevance";

  static TestGateway gw;

  @BeforeAll
  static void setUp() throws Exception {
    gw = TestGateway.startWithAllocation(2, AllocationRules.parse(RULES));
    gw.snapshot(
        "alloc",
        true,
        "tHigh",
        "",
        0.6,
        "tLow",
        "",
        0.5,
        "tFloorLow",
        "",
        0.25,
        "tFloorHigh",
        "",
        0.35,
        "tA1",
        "",
        0.9,
        "tA2",
        "",
        0.8,
        "tB1",
        "",
        0.4,
        "tSkip",
        "",
        0.5);
    // two even campaigns far into their flight: one delivered exactly its plan, one 5% of its
    // budget behind; a budget this large leases every candidate these tests send
    seedPosition("cOnPlan", even("tHigh"), 0);
    seedPosition("cBehind", even("tLow"), 0.05);
    put("cFloor", TestGateway.campaign("tFloorLow", "tFloorHigh").put("boost", 2.0));
    put("cA1", TestGateway.campaign("tA1").put("label", "lblA"));
    put("cA2", TestGateway.campaign("tA2").put("label", "lblA"));
    put("cB", TestGateway.campaign("tB1").put("label", "lblB"));
    put("cSkip", TestGateway.campaign("tSkip").put("budget", 100_000));
  }

  @AfterAll
  static void tearDown() {
    gw.close();
  }

  static JsonObject even(String track) {
    return TestGateway.campaign(track).put("pacing", "even").put("budget", 1_000_000_000L);
  }

  /**
   * Stores the campaign's pacing state as if it had flown until now, {@code behind} (a share of its
   * budget) short of its plan, with every candidate admitted; then creates the campaign.
   */
  static void seedPosition(String id, JsonObject body, double behind) {
    Campaign c = CampaignCodec.parse(id, body);
    long now = gw.clock.millis();
    long delivered = Math.round(PacingPlan.planned(c, now) - behind * c.budget());
    gw.seedLink
        .send(
            RedisCall.on(Command.HSET, Keys.pacing(id))
                .arg("rev")
                .arg(PacingRevision.of(c))
                .arg("status")
                .arg("active")
                .arg("p")
                .arg("1")
                .arg("demand")
                .arg("1")
                .arg("delivered")
                .arg(delivered))
        .await();
    put(id, body);
  }

  static void put(String id, JsonObject body) {
    HttpResponse<Buffer> r = gw.putCampaign(id, body);
    assertThat(r.statusCode()).as(r.bodyAsString()).isEqualTo(200);
  }

  static JsonObject request(String surface, String user, String... candidates) {
    return new JsonObject()
        .put("user", user)
        .put("surface", surface)
        .put("market", "SE")
        .put("explain", true)
        .put("candidates", new JsonArray(List.of(candidates)));
  }

  static JsonArray results(JsonObject request) {
    HttpResponse<Buffer> r = gw.score(request);
    assertThat(r.statusCode()).as(r.bodyAsString()).isEqualTo(200);
    return r.bodyAsJsonObject().getJsonArray("results");
  }

  static List<String> reasons(JsonArray results) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < results.size(); i++) {
      out.add(results.getJsonObject(i).getString("reason"));
    }
    return out;
  }

  static JsonObject explain(JsonArray results, int i) {
    return results.getJsonObject(i).getJsonObject("explain");
  }

  @Test
  void balancedLetsTheCampaignBehindPlanWinWhereRelevanceKeepsTheHigherScore() {
    TestGateway.eventually(
        "both positions learned",
        () -> {
          JsonArray r = results(request("home", "u-wait", "tHigh", "tLow"));
          return explain(r, 1).getDouble("urgency", 0.0) > 1.4;
        });
    JsonArray balanced = results(request("home", "u-1", "tHigh", "tLow").put("max_promoted", 1));
    assertThat(reasons(balanced)).containsExactly("slot_limit", "promoted");
    assertThat(explain(balanced, 0).getDouble("urgency")).isCloseTo(1.0, within(0.01));
    assertThat(explain(balanced, 1).getDouble("urgency")).isEqualTo(Urgency.BOUND);
    // the returned score is still base times boost: urgency only ordered the contest
    assertThat(balanced.getJsonObject(1).getDouble("score")).isEqualTo(0.5);

    JsonArray relevance = results(request("radio", "u-1", "tHigh", "tLow").put("max_promoted", 1));
    assertThat(reasons(relevance)).containsExactly("promoted", "slot_limit");
    assertThat(explain(relevance, 0).containsKey("urgency")).isFalse();
    assertThat(relevance.getJsonObject(0).getDouble("score")).isEqualTo(0.6);
  }

  @Test
  void theFloorHoldsBackBaseScoresBelowItWhateverTheBoost() {
    JsonArray home = results(request("home", "u-2", "tFloorLow", "tFloorHigh"));
    assertThat(reasons(home)).containsExactly("below_floor", "promoted");
    assertThat(home.getJsonObject(0).getDouble("score")).isZero();
    assertThat(home.getJsonObject(1).getDouble("score")).isEqualTo(0.7);
    assertThat(explain(home, 0).getDouble("floor")).isEqualTo(0.3);
    assertThat(explain(home, 0).getDouble("base_score")).isEqualTo(0.25);

    assertThat(reasons(results(request("radio", "u-2", "tFloorLow", "tFloorHigh"))))
        .containsExactly("promoted", "promoted");
  }

  @Test
  void onePromotedTrackPerLabelOnTheSurfaceThatLimitsIt() {
    JsonArray mix = results(request("mix", "u-3", "tB1", "tA2", "tA1", "tA1"));
    assertThat(reasons(mix)).containsExactly("promoted", "label_limit", "promoted", "promoted");
    assertThat(explain(mix, 1).getString("label")).isEqualTo("lblA");
    assertThat(explain(mix, 1).getInteger("label_count")).isEqualTo(1);
    assertThat(explain(mix, 1).getInteger("label_max")).isEqualTo(1);
    assertThat(explain(mix, 2).getInteger("label_count")).isZero();

    // with one slot the label limit is met first by the second lblA track, then the slot is full
    JsonArray oneSlot = results(request("mix", "u-3", "tA1", "tA2", "tB1").put("max_promoted", 1));
    assertThat(reasons(oneSlot)).containsExactly("promoted", "label_limit", "slot_limit");

    assertThat(reasons(results(request("radio", "u-3", "tB1", "tA2", "tA1"))))
        .containsExactly("promoted", "promoted", "promoted");
  }

  @Test
  void aCampaignWhosePlaysAreSkippedIsHeldUntilItRecovers() {
    assertThat(reasonsOf("autoplay", "before-", 100)).doesNotContainKey("engagement_hold");
    deliver("s-", 30, new JsonObject().put("skipped", true));
    nextSlot("the skips reach the view", 30);

    // four in five listeners are held back (hold_share 0.2); the others may still be promoted, and
    // their plays are how the campaign shows it recovered
    Map<String, Integer> held = reasonsOf("autoplay", "held-", 200);
    assertThat(held.getOrDefault("engagement_hold", 0)).isBetween(130, 185);
    assertThat(held.getOrDefault("promoted", 0)).isPositive();
    assertThat(reasonsOf("radio", "held-", 200))
        .as("no skip threshold on radio")
        .doesNotContainKey("engagement_hold");
    JsonObject why = explain(results(request("autoplay", "held-x", "tSkip")), 0);
    assertThat(why.getLong("plays")).isEqualTo(30);
    assertThat(why.getLong("skips")).isEqualTo(30);
    assertThat(why.getBoolean("held")).isTrue();
    assertThat(explain(results(request("radio", "held-x", "tSkip")), 0).getBoolean("held"))
        .isFalse();

    JsonObject live = gw.getCampaign("cSkip").bodyAsJsonObject().getJsonObject("engagement");
    assertThat(live.getLong("plays")).isEqualTo(30);
    assertThat(live.getDouble("skip_rate")).isEqualTo(1.0);
    assertThat(live.getJsonArray("held_on")).containsExactly("autoplay");

    // 40 plays listened to the end: 30 skips in 70 is under the 0.5 threshold
    deliver("p-", 40, new JsonObject().put("listened_ms", 180_000));
    nextSlot("the plays reach the view", 70);
    assertThat(reasonsOf("autoplay", "after-", 200)).doesNotContainKey("engagement_hold");
    live = gw.getCampaign("cSkip").bodyAsJsonObject().getJsonObject("engagement");
    assertThat(live.getLong("skips")).isEqualTo(30);
    assertThat(live.getJsonArray("held_on")).isEmpty();
  }

  /** Moves to the next slot (a refresh is then due) and waits until the view has the plays. */
  static void nextSlot(String what, long plays) {
    gw.clock.advanceMs(60_000);
    TestGateway.eventually(
        what,
        () -> explain(results(request("autoplay", "probe", "tSkip")), 0).getLong("plays") == plays);
  }

  static void deliver(String prefix, int n, JsonObject outcome) {
    JsonArray events = new JsonArray();
    for (int i = 0; i < n; i++) {
      events.add(
          outcome
              .copy()
              .put("id", prefix + i)
              .put("user", "l-" + prefix + i)
              .put("track", "tSkip")
              .put("campaign", "cSkip")
              .put("surface", "autoplay")
              .put("ts", java.time.Instant.ofEpochMilli(gw.clock.millis()).toString()));
    }
    HttpResponse<Buffer> r = gw.deliver(new JsonObject().put("events", events));
    assertThat(r.statusCode()).as(r.bodyAsString()).isEqualTo(200);
    assertThat(r.bodyAsJsonObject().getInteger("accepted")).isEqualTo(n);
  }

  /** How many of {@code listeners} fresh listeners got each reason for tSkip. */
  static Map<String, Integer> reasonsOf(String surface, String prefix, int listeners) {
    Map<String, Integer> out = new TreeMap<>();
    for (int i = 0; i < listeners; i++) {
      JsonArray r = results(request(surface, prefix + i, "tSkip"));
      out.merge(r.getJsonObject(0).getString("reason"), 1, Integer::sum);
    }
    return out;
  }
}
