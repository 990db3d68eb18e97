package io.scoregateway.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Activation switches every answer from one snapshot to the next, never mixing the two. */
class SnapshotActivationIT {
  static TestGateway gw;
  static final int TRACKS = 200;

  @BeforeAll
  static void setUp() throws Exception {
    gw = TestGateway.start(2, null);
    Object[] v1 = new Object[3 * TRACKS];
    Object[] v2 = new Object[3 * TRACKS];
    List<String> tracks = new ArrayList<>();
    for (int i = 0; i < TRACKS; i++) {
      tracks.add("t" + i);
      v1[3 * i] = "t" + i;
      v1[3 * i + 1] = "";
      v1[3 * i + 2] = 0.1;
      v2[3 * i] = "t" + i;
      v2[3 * i + 1] = "";
      v2[3 * i + 2] = 0.9;
    }
    gw.snapshot("v1", true, v1);
    gw.snapshot("v2", false, v2);
    // a budget no answer here can exhaust: every candidate is promoted and shows its score
    assertThat(
            gw.putCampaign(
                    "c1",
                    TestGateway.campaign(tracks.toArray(String[]::new))
                        .put("budget", 1_000_000_000))
                .statusCode())
        .isEqualTo(200);
  }

  @AfterAll
  static void tearDown() {
    gw.close();
  }

  @Test
  void everyAnswerComesWhollyFromOneSnapshot() {
    List<String> tracks = new ArrayList<>();
    for (int i = 0; i < TRACKS; i++) {
      tracks.add("t" + i);
    }
    JsonObject req =
        new JsonObject()
            .put("user", "u-1")
            .put("surface", "s")
            .put("market", "SE")
            .put("candidates", new JsonArray(tracks));
    assertThat(gw.score(req).bodyAsJsonObject().getString("snapshot")).isEqualTo("v1");

    List<Future<HttpResponse<Buffer>>> inFlight = new ArrayList<>();
    for (int round = 0; round < 40; round++) {
      inFlight.add(gw.http.post(gw.port, "127.0.0.1", "/v1/scores").sendJsonObject(req));
      if (round == 20) {
        gw.activate("v2");
      }
    }
    int sawV2 = 0;
    for (Future<HttpResponse<Buffer>> f : inFlight) {
      JsonObject body = f.await().bodyAsJsonObject();
      double expected = body.getString("snapshot").equals("v1") ? 0.1 : 0.9;
      sawV2 += body.getString("snapshot").equals("v2") ? 1 : 0;
      for (Object o : body.getJsonArray("results")) {
        assertThat(((JsonObject) o).getDouble("score")).isEqualTo(expected);
      }
    }
    assertThat(sawV2).isPositive();
    JsonObject after = gw.score(req).bodyAsJsonObject();
    assertThat(after.getString("snapshot")).isEqualTo("v2");
    assertThat(after.getJsonArray("results").getJsonObject(0).getDouble("score")).isEqualTo(0.9);
  }

  @Test
  void incompleteOrUnknownSnapshotsCannotBeActivated() {
    HttpResponse<Buffer> unknown =
        gw.http.post(gw.adminPort, "127.0.0.1", "/admin/v1/snapshots/nope/activate").send().await();
    assertThat(unknown.statusCode()).isEqualTo(404);
    new io.scoregateway.store.SnapshotWriter(gw.seedLink, "half").begin("test").await();
    HttpResponse<Buffer> half =
        gw.http.post(gw.adminPort, "127.0.0.1", "/admin/v1/snapshots/half/activate").send().await();
    assertThat(half.statusCode()).isEqualTo(409);
    assertThat(half.bodyAsJsonObject().getString("detail")).contains("not completely loaded");
    JsonObject list =
        gw.http
            .get(gw.adminPort, "127.0.0.1", "/admin/v1/snapshots")
            .send()
            .await()
            .bodyAsJsonObject();
    assertThat(
            list.getJsonArray("snapshots").stream()
                .map(o -> ((JsonObject) o).getString("id"))
                .toList())
        .contains("v1", "v2", "half");
  }
}
