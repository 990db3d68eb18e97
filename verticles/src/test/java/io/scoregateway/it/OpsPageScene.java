package io.scoregateway.it;

import io.scoregateway.auth.Client;
import io.scoregateway.auth.Role;
import io.scoregateway.auth.TokenAuthenticator;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * A gateway with tokens, two snapshots and campaigns in every state, and scoring and delivery
 * traffic driven one pacing slot at a time (the test clock moves a slot, the refresher steps, the
 * history grows by one).
 */
final class OpsPageScene implements AutoCloseable {
  static final String ADMIN = "ops-page-admin-token";
  static final String PARTNER = "ops-page-partner-token";
  static final long SLOT = 60_000;

  /** The campaign the page's chart is checked on: an even plan over 50 minutes from now. */
  static final String MAIN = "spring-launch";

  static final List<String> CAMPAIGNS =
      List.of(
          MAIN, "catalog-push", "podcast-promo", "evening-drive", "winter-teaser", "summer-recap");

  final TestGateway gw;
  private final Instant start;
  private int events;

  private OpsPageScene(TestGateway gw) {
    this.gw = gw;
    this.start = gw.clock.instant();
  }

  static OpsPageScene start() throws IOException {
    TestGateway gw =
        TestGateway.start(
            1,
            new TokenAuthenticator(
                List.of(
                    new Client("ops", Set.of(Role.ADMIN), TokenAuthenticator.sha256(ADMIN)),
                    new Client(
                        "partner",
                        Set.of(Role.SCORE, Role.DELIVER),
                        TokenAuthenticator.sha256(PARTNER)))));
    OpsPageScene s = new OpsPageScene(gw);
    gw.snapshot("scores-2026-11-27", false, "t-spring", "", 0.5);
    gw.snapshot(
        "scores-2026-11-28",
        false,
        "t-spring",
        "",
        0.8,
        "t-catalog",
        "",
        0.6,
        "t-podcast",
        "",
        0.7,
        "t-evening",
        "",
        0.4,
        "t-winter",
        "",
        0.3,
        "t-summer",
        "",
        0.2);
    s.admin("POST", "/admin/v1/snapshots/scores-2026-11-28/activate", null);
    s.campaign(MAIN, "t-spring", "even", 1_200, 0, 50, "active");
    s.campaign("catalog-push", "t-catalog", "asap", 150, 0, 120, "active");
    s.campaign("podcast-promo", "t-podcast", "even", 4_000, 0, 90, "active");
    s.campaign("evening-drive", "t-evening", "front_loaded", 800, 0, 240, "paused");
    s.campaign("winter-teaser", "t-winter", "even", 10_000, 24 * 60, 48 * 60, "active");
    s.campaign("summer-recap", "t-summer", "even", 500, -3 * 24 * 60, -60, "active");
    return s;
  }

  private void campaign(
      String id,
      String track,
      String pacing,
      long budget,
      long fromMin,
      long toMin,
      String status) {
    JsonObject body =
        new JsonObject()
            .put("tracks", new JsonArray().add(track))
            .put("start", start.plusSeconds(fromMin * 60).toString())
            .put("end", start.plusSeconds(toMin * 60).toString())
            .put("budget", budget)
            .put("pacing", pacing)
            .put("status", status);
    admin("PUT", "/admin/v1/campaigns/" + id, body);
  }

  /** An admin call with the admin token; fails unless 2xx. */
  JsonObject admin(String method, String path, JsonObject body) {
    var req =
        gw.http
            .request(io.vertx.core.http.HttpMethod.valueOf(method), gw.adminPort, "127.0.0.1", path)
            .putHeader("authorization", "Bearer " + ADMIN);
    HttpResponse<Buffer> r = body == null ? req.send().await() : req.sendJsonObject(body).await();
    if (r.statusCode() / 100 != 2) {
      throw new IllegalStateException(
          method + " " + path + ": " + r.statusCode() + " " + r.bodyAsString());
    }
    return r.body() == null || r.body().length() == 0 ? new JsonObject() : r.bodyAsJsonObject();
  }

  /** The main campaign's history as the API returns it. */
  JsonObject history() {
    return admin("GET", "/admin/v1/campaigns/" + MAIN + "/history", null);
  }

  /**
   * Runs {@code slots} slots: listeners ask for the campaigns' tracks (few for podcast-promo, so it
   * falls behind), every promotion is played at once, then the clock moves to the next slot and the
   * main campaign's history gains its entry.
   */
  void drive(int slots) {
    for (int k = 0; k < slots; k++) {
      int before = history().getJsonArray("slots").size();
      JsonArray plays = new JsonArray();
      for (int u = 0; u < 40; u++) {
        JsonArray candidates = new JsonArray().add("t-spring").add("t-catalog");
        if (u % 10 == 0) {
          candidates.add("t-podcast");
        }
        JsonObject answer = score("listener-" + k + "-" + u, candidates);
        for (Object o : answer.getJsonArray("results")) {
          JsonObject r = (JsonObject) o;
          if (r.getBoolean("promoted")) {
            plays.add(
                new JsonObject()
                    .put("id", "play-" + ++events)
                    .put("user", "listener-" + k + "-" + u)
                    .put("track", r.getString("track"))
                    .put("campaign", r.getString("campaign"))
                    .put("surface", "autoplay")
                    .put("ts", gw.clock.instant().toString()));
          }
        }
      }
      if (!plays.isEmpty()) {
        partner("/v1/deliveries", new JsonObject().put("events", plays));
      }
      gw.clock.advanceMs(SLOT);
      awaitHistory(before + 1);
    }
  }

  private void awaitHistory(int size) {
    long deadline = System.currentTimeMillis() + 5_000;
    while (history().getJsonArray("slots").size() < size) {
      if (System.currentTimeMillis() > deadline) {
        throw new IllegalStateException("the pacing refresher did not step " + MAIN);
      }
      TestGateway.sleep(20);
    }
  }

  private JsonObject score(String user, JsonArray candidates) {
    return partner(
        "/v1/scores",
        new JsonObject()
            .put("user", user)
            .put("surface", "autoplay")
            .put("market", "SE")
            .put("candidates", candidates));
  }

  private JsonObject partner(String path, JsonObject body) {
    HttpResponse<Buffer> r =
        gw.http
            .post(gw.port, "127.0.0.1", path)
            .putHeader("authorization", "Bearer " + PARTNER)
            .sendJsonObject(body)
            .await();
    if (r.statusCode() != 200) {
      throw new IllegalStateException(path + ": " + r.statusCode() + " " + r.bodyAsString());
    }
    return r.bodyAsJsonObject();
  }

  @Override
  public void close() {
    gw.close();
  }
}
