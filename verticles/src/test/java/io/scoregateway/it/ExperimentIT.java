package io.scoregateway.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.scoregateway.config.MeasurementConfig;
import io.scoregateway.experiment.ListenerSplit;
import io.scoregateway.store.SnapshotWriter;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A snapshot experiment through the admin API: started, changed and stopped; each listener's arm is
 * the same on two instances of one deployment, and answers, explain and metrics say which.
 */
class ExperimentIT {
  static final int LISTENERS = 300;
  static TestGateway gw;
  static TestGateway other;

  @BeforeAll
  static void setUp() throws Exception {
    gw = TestGateway.startMeasuring(2, MeasurementConfig.DEFAULTS);
    other = TestGateway.beside(gw);
    gw.snapshot("champ", true, "t1", "", 0.2, "t2", "", 0.2);
    gw.snapshot("chall", false, "t1", "", 0.7, "t2", "", 0.7);
    gw.snapshot("empty", false);
    new SnapshotWriter(gw.seedLink, "half").begin("test").await();
    assertThat(
            gw.putCampaign("c1", TestGateway.campaign("t1", "t2").put("budget", 1_000_000_000))
                .statusCode())
        .isEqualTo(200);
  }

  @AfterAll
  static void tearDown() {
    other.close();
    gw.close();
  }

  @AfterEach
  void stopTheExperiment() {
    admin(gw, "DELETE", null);
  }

  static HttpResponse<Buffer> admin(TestGateway g, String method, JsonObject body) {
    var req =
        g.http.request(
            io.vertx.core.http.HttpMethod.valueOf(method),
            g.adminPort,
            "127.0.0.1",
            "/admin/v1/experiment");
    return (body == null ? req.send() : req.sendJsonObject(body)).await();
  }

  static JsonObject experiment(double share) {
    return new JsonObject().put("id", "e1").put("challenger", "chall").put("share", share);
  }

  /** The answer for one listener, explained. */
  static JsonObject score(TestGateway g, String user) {
    return g.score(
            new JsonObject()
                .put("user", user)
                .put("surface", "autoplay")
                .put("market", "SE")
                .put("candidates", new JsonArray().add("t1").add("t2"))
                .put("explain", true))
        .bodyAsJsonObject();
  }

  /** Waits until {@code g} serves the experiment as {@code share} (null: none). */
  static void awaitServed(TestGateway g, Double share) {
    long deadline = System.currentTimeMillis() + 5_000;
    while (System.currentTimeMillis() < deadline) {
      var e = g.engine.catalog().view().experiment();
      if (share == null ? e == null : e != null && e.share() == share) {
        return;
      }
      TestGateway.sleep(20);
    }
    throw new AssertionError("the experiment did not reach the instance");
  }

  @Test
  void eachListenersArmIsTheSaltedHashsAndTheSameOnEveryInstance() {
    HttpResponse<Buffer> started = admin(gw, "PUT", experiment(0.3));
    assertThat(started.statusCode()).as(started.bodyAsString()).isEqualTo(200);
    JsonObject body = started.bodyAsJsonObject();
    assertThat(body.getString("champion")).isEqualTo("champ");
    assertThat(body.getString("salt")).isEqualTo("experiment/e1");
    assertThat(admin(gw, "GET", null).bodyAsJsonObject()).isEqualTo(body);
    awaitServed(other, 0.3);

    int challengers = 0;
    for (int i = 0; i < LISTENERS; i++) {
      String user = "u-" + i;
      boolean expected = ListenerSplit.in("experiment/e1", user, 0.3);
      JsonObject a = score(gw, user);
      JsonObject b = score(other, user);
      String arm = expected ? "challenger" : "champion";
      assertThat(a.getString("snapshot")).as(user).isEqualTo(expected ? "chall" : "champ");
      assertThat(b.getString("snapshot")).as(user).isEqualTo(a.getString("snapshot"));
      JsonObject result = a.getJsonArray("results").getJsonObject(0);
      assertThat(result.getDouble("score")).isEqualTo(expected ? 0.7 : 0.2);
      JsonObject explain = result.getJsonObject("explain");
      assertThat(explain.getString("arm")).isEqualTo(arm);
      assertThat(explain.getString("experiment")).isEqualTo("e1");
      assertThat(b.getJsonArray("results").getJsonObject(0).getJsonObject("explain"))
          .isEqualTo(explain);
      challengers += expected ? 1 : 0;
    }
    assertThat(challengers).isBetween(60, 120);
    String metrics = gw.engine.telemetry().scrape().get();
    assertThat(metrics)
        .containsPattern(
            "gateway_decisions_total\\{arm=\"challenger\",reason=\"promoted\"\\} [1-9]")
        .containsPattern("gateway_decisions_total\\{arm=\"champion\",reason=\"promoted\"\\} [1-9]");
  }

  @Test
  void aChangeAndAStopReachEveryInstanceAndAnswerAtOnce() {
    assertThat(admin(gw, "PUT", experiment(0.3)).statusCode()).isEqualTo(200);
    awaitServed(other, 0.3);
    String user = null;
    for (int i = 0; user == null; i++) {
      if (!ListenerSplit.in("experiment/e1", "u-" + i, 0.3)) {
        user = "u-" + i;
      }
    }
    assertThat(score(gw, user).getString("snapshot")).isEqualTo("champ");

    // raising the share only moves champions to the challenger
    assertThat(admin(gw, "PUT", experiment(1.0)).statusCode()).isEqualTo(200);
    assertThat(score(gw, user).getString("snapshot")).isEqualTo("chall");
    awaitServed(other, 1.0);
    assertThat(score(other, user).getString("snapshot")).isEqualTo("chall");

    assertThat(admin(gw, "DELETE", null).statusCode()).isEqualTo(204);
    JsonObject after = score(gw, user);
    assertThat(after.getString("snapshot")).isEqualTo("champ");
    JsonObject explain = after.getJsonArray("results").getJsonObject(0).getJsonObject("explain");
    assertThat(explain.getString("arm")).isEqualTo("champion");
    assertThat(explain.containsKey("experiment")).isFalse();
    awaitServed(other, null);
    assertThat(score(other, user).getString("snapshot")).isEqualTo("champ");
    assertThat(admin(gw, "DELETE", null).statusCode()).isEqualTo(404);
    assertThat(admin(gw, "GET", null).statusCode()).isEqualTo(404);
  }

  @Test
  void aChallengerThatCannotServeIsRefusedNamingIt() {
    assertRefused(experiment(0.1).put("challenger", "nope"), 404, "challenger: snapshot nope");
    assertRefused(experiment(0.1).put("challenger", "half"), 409, "challenger: snapshot half");
    assertRefused(experiment(0.1).put("challenger", "empty"), 409, "has no rows");
    assertRefused(experiment(0.1).put("challenger", "champ"), 409, "is the active snapshot");
    assertRefused(experiment(1.5), 400, "share:");
    assertRefused(experiment(0.1).put("salt", "a b"), 400, "salt:");
    assertThat(admin(gw, "GET", null).statusCode()).isEqualTo(404);
  }

  @Test
  void theRunningChallengerCannotBeDeleted() {
    assertThat(admin(gw, "PUT", experiment(0.5)).statusCode()).isEqualTo(200);
    HttpResponse<Buffer> r =
        gw.http.delete(gw.adminPort, "127.0.0.1", "/admin/v1/snapshots/chall").send().await();
    assertThat(r.statusCode()).isEqualTo(409);
    assertThat(r.bodyAsJsonObject().getString("detail")).contains("challenger of experiment e1");
  }

  static void assertRefused(JsonObject body, int status, String detail) {
    HttpResponse<Buffer> r = admin(gw, "PUT", body);
    assertThat(r.statusCode()).as(r.bodyAsString()).isEqualTo(status);
    assertThat(r.bodyAsJsonObject().getString("detail")).contains(detail);
  }
}
