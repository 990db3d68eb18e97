package io.scoregateway.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.scoregateway.redis.RedisCall;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.redis.client.Command;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/** A 1000-candidate request costs a bounded, candidate-independent number of Redis commands. */
// the promotion counts hold while the campaigns' first leases last: a quarter of their budgets,
// 25,000 promotions each, enough for far more answers than the test gives
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RoundTripsIT {
  static TestGateway gw;

  @BeforeAll
  static void setUp() throws Exception {
    gw = TestGateway.start(1, null);
    seedThousandTracksInTenCampaigns(gw);
  }

  /**
   * 1000 scored tracks; 10 campaigns, each enrolling every 10th track, two with frequency caps. The
   * asap budgets lease a quarter of themselves at once, enough for these answers without a renewal
   * (a budget of 1000 leased 250: a window retried after a background command saw the third answer
   * promote only 50 of a campaign's 100 tracks).
   */
  static void seedThousandTracksInTenCampaigns(TestGateway gw) {
    Object[] rows = new Object[3 * 1000];
    for (int i = 0; i < 1000; i++) {
      rows[3 * i] = "t" + i;
      rows[3 * i + 1] = "";
      rows[3 * i + 2] = 0.5;
    }
    gw.snapshot("big", true, rows);
    for (int c = 0; c < 10; c++) {
      List<String> tracks = new ArrayList<>();
      for (int i = c; i < 1000; i += 10) {
        tracks.add("t" + i);
      }
      JsonObject body = TestGateway.campaign(tracks.toArray(String[]::new)).put("budget", 100_000);
      if (c < 2) {
        body.put("frequency_cap", new JsonObject().put("max", 5).put("window_seconds", 60));
      }
      assertThat(gw.putCampaign("c" + c, body).statusCode()).isEqualTo(200);
    }
  }

  /** One request for all 1000 tracks. */
  static JsonObject thousandCandidates() {
    List<String> candidates = new ArrayList<>();
    for (int i = 0; i < 1000; i++) {
      candidates.add("t" + i);
    }
    return new JsonObject()
        .put("user", "u-1")
        .put("surface", "autoplay")
        .put("market", "SE")
        .put("candidates", new JsonArray(candidates));
  }

  @AfterAll
  static void tearDown() {
    gw.close();
  }

  @Test
  @Order(1)
  void thousandCandidatesTakeOneStageOfPipelinedCommands() throws Exception {
    JsonArray res = assertOneStage(true).getJsonArray("results");
    // 8 uncapped campaigns promote all their 100 tracks; the 2 capped ones only 5 each in one
    // answer
    assertThat(res.stream().filter(o -> ((JsonObject) o).getBoolean("promoted")).count())
        .isEqualTo(810);
    assertThat(
            res.stream()
                .filter(o -> ((JsonObject) o).getString("reason").equals("frequency_capped"))
                .count())
        .isEqualTo(190);
  }

  @Test
  @Order(2)
  void aChallengerListenerStillTakesOneStage() throws Exception {
    Object[] rows = new Object[3 * 1000];
    for (int i = 0; i < 1000; i++) {
      rows[3 * i] = "t" + i;
      rows[3 * i + 1] = "";
      rows[3 * i + 2] = 0.7;
    }
    gw.snapshot("big-b", false, rows);
    JsonObject everyone =
        new JsonObject().put("id", "e1").put("challenger", "big-b").put("share", 1.0);
    assertThat(
            gw.http
                .put(gw.adminPort, "127.0.0.1", "/admin/v1/experiment")
                .sendJsonObject(everyone)
                .await()
                .statusCode())
        .isEqualTo(200);
    try {
      // the challenger's scores come in the same single lookup, instead of the champion's
      assertThat(assertOneStage(false).getString("snapshot")).isEqualTo("big-b");
    } finally {
      gw.http.delete(gw.adminPort, "127.0.0.1", "/admin/v1/experiment").send().await();
    }
  }

  /**
   * Scores the 1000 candidates (after a warm-up), checks the commands it took, returns the answer.
   *
   * @param quiet nothing else talks to Redis meanwhile: the first leases still cover the answers,
   *     so no pacing refresh runs and every command counted is the request's
   */
  private static JsonObject assertOneStage(boolean quiet) {
    JsonObject req = thousandCandidates();
    gw.score(req); // warm up
    // a background command of the instance (a catalog poll, a lease renewal) can land in the
    // window by chance; the request's own count is the same every time, so a clean window of three
    // shows it
    Map<String, Long> made = Map.of();
    for (int attempt = 0; attempt < 3; attempt++) {
      Map<String, Long> before = commandStats();
      long tripsBefore = gw.dataPlanes.get(0).link().roundTrips();

      JsonObject answer = gw.score(req).bodyAsJsonObject();
      JsonArray res = answer.getJsonArray("results");

      long trips = gw.dataPlanes.get(0).link().roundTrips() - tripsBefore;
      Map<String, Long> after = commandStats();
      assertThat(res).hasSize(1000);
      // the score keys and the frequency keys, asked in the same turn: one MGET; pacing:
      // nothing, it is served from the instance's view
      assertThat(delta(before, after, "mget")).isEqualTo(1);
      assertThat(trips).as("writes to Redis").isEqualTo(1);
      if (!quiet) {
        // spent leases are renewed meanwhile (EVALSHA on the refresher's own link): not counted
        return answer;
      }
      assertThat(delta(before, after, "evalsha")).as("no pacing call on the request path").isZero();
      // commandstats also counts the calls made inside scripts: none here
      Map<String, Long> delta = new HashMap<>();
      after.forEach((cmd, n) -> delta.put(cmd, n - before.getOrDefault(cmd, 0L)));
      delta.values().removeIf(n -> n == 0);
      if (delta.values().stream().mapToLong(Long::longValue).sum() == 1) {
        return answer;
      }
      made = delta;
    }
    throw new AssertionError("commands for 1000 candidates, in three windows: the last " + made);
  }

  private static long delta(Map<String, Long> before, Map<String, Long> after, String cmd) {
    return after.getOrDefault(cmd, 0L) - before.getOrDefault(cmd, 0L);
  }

  /** Calls per command from INFO commandstats, minus commands not made by the request. */
  private static Map<String, Long> commandStats() {
    String info =
        gw.seedLink.send(RedisCall.keyless(Command.INFO).arg("commandstats")).await().toString();
    Map<String, Long> out = new HashMap<>();
    for (String line : info.split("\r?\n", -1)) {
      if (line.startsWith("cmdstat_")) {
        String name = line.substring(8, line.indexOf(':'));
        String calls =
            line.substring(line.indexOf("calls=") + 6, line.indexOf(',', line.indexOf("calls=")));
        // INFO is ours; GET, HGET and HGETALL are the catalog refresher's (version and snapshot
        // checks, a reload after a late change notification), running meanwhile; HELLO, PING and
        // SCRIPT LOAD are a connection (re)starting: none of them is ever a scoring request's
        if (!java.util.Set.of("info", "get", "hget", "hgetall", "hello", "ping", "script|load")
            .contains(name)) {
          out.put(name, Long.parseLong(calls));
        }
      }
    }
    return out;
  }
}
