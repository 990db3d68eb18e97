package io.scoregateway.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.scoregateway.redis.RedisCall;
import io.scoregateway.store.Keys;
import io.scoregateway.store.SnapshotWriter;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Response;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Empty snapshots are not activated; snapshots can be deleted; an abandoned load can be discarded
 * or redone.
 */
class SnapshotLifecycleIT {
  static TestGateway gw;

  @BeforeAll
  static void setUp() throws Exception {
    gw = TestGateway.start(1, null);
    seed();
  }

  static void seed() {
    gw.snapshot("live", true, "t1", "", 0.5);
    assertThat(gw.putCampaign("c1", TestGateway.campaign("t1", "t2")).statusCode()).isEqualTo(200);
  }

  @AfterAll
  static void tearDown() {
    gw.close();
  }

  static HttpResponse<Buffer> admin(io.vertx.core.http.HttpMethod m, String path) {
    return gw.http.request(m, gw.adminPort, "127.0.0.1", path).send().await();
  }

  static JsonObject meta(String id) {
    JsonArray all =
        admin(io.vertx.core.http.HttpMethod.GET, "/admin/v1/snapshots")
            .bodyAsJsonObject()
            .getJsonArray("snapshots");
    for (int i = 0; i < all.size(); i++) {
      if (all.getJsonObject(i).getString("id").equals(id)) {
        return all.getJsonObject(i);
      }
    }
    return null;
  }

  static List<String> load(String id, int tracks, boolean complete) {
    SnapshotWriter w = new SnapshotWriter(gw.seedLink, id);
    w.begin("test").await();
    List<String> ids = new ArrayList<>();
    List<SnapshotWriter.Row> batch = new ArrayList<>();
    for (int i = 0; i < tracks; i++) {
      ids.add("t" + i);
      batch.add(new SnapshotWriter.Row("t" + i, "", 0.25));
      if (batch.size() == 1000 || i == tracks - 1) {
        w.write(batch).await();
        batch.clear();
      }
    }
    if (complete) {
      w.complete("test", tracks, 0).await();
    }
    return ids;
  }

  /** How many of the snapshot's score keys and manifest buckets still exist. */
  static int keysLeft(String id, List<String> tracks) {
    List<String> keys = new ArrayList<>();
    for (String t : tracks) {
      keys.add(Keys.score(id, t));
    }
    int left = 0;
    for (Response r : gw.seedLink.mget(keys).await()) {
      left += r == null ? 0 : 1;
    }
    for (int b = 0; b < Keys.MANIFEST_BUCKETS; b++) {
      left +=
          gw.seedLink.send(RedisCall.on(Command.EXISTS, Keys.manifest(id, b))).await().toInteger();
    }
    return left;
  }

  static void awaitGone(String id, String finalState) {
    long deadline = System.currentTimeMillis() + 20_000;
    while (System.currentTimeMillis() < deadline) {
      JsonObject m = meta(id);
      if (finalState == null ? m == null : m != null && finalState.equals(m.getString("state"))) {
        return;
      }
      TestGateway.sleep(50);
    }
    throw new AssertionError("snapshot " + id + " not " + finalState + ": " + meta(id));
  }

  @Test
  void aSnapshotWithoutRowsIsNotActivated() {
    SnapshotWriter w = new SnapshotWriter(gw.seedLink, "empty");
    w.begin("test").await();
    w.complete("test", 0, 3).await();
    HttpResponse<Buffer> r =
        admin(io.vertx.core.http.HttpMethod.POST, "/admin/v1/snapshots/empty/activate");
    BadInputIT.assertProblem(r, 409, "has no rows");
    assertThat(gw.score(BadInputIT.valid()).bodyAsJsonObject().getString("snapshot"))
        .isEqualTo("live");
  }

  @Test
  void deletionRemovesEveryKeyInTheBackgroundAndNeverTheActiveSnapshot() {
    // more ids per manifest bucket than one erasure step takes
    List<String> tracks = load("old", 12_000, true);
    assertThat(keysLeft("old", tracks)).isEqualTo(12_000 + Keys.MANIFEST_BUCKETS);
    BadInputIT.assertProblem(
        admin(io.vertx.core.http.HttpMethod.DELETE, "/admin/v1/snapshots/live"), 409, "is active");

    HttpResponse<Buffer> r = admin(io.vertx.core.http.HttpMethod.DELETE, "/admin/v1/snapshots/old");
    assertThat(r.statusCode()).as(r.bodyAsString()).isEqualTo(202);
    assertThat(r.bodyAsJsonObject().getString("state")).isEqualTo("deleting");
    awaitGone("old", "deleted");
    assertThat(keysLeft("old", tracks)).isZero();

    // the id stays reserved: gateways may still hold its rows in their caches
    assertThatThrownBy(() -> new SnapshotWriter(gw.seedLink, "old").begin("test").await())
        .hasMessageContaining("already exists");
    assertThat(
            admin(io.vertx.core.http.HttpMethod.POST, "/admin/v1/snapshots/old/activate")
                .statusCode())
        .isEqualTo(404);
    assertThat(admin(io.vertx.core.http.HttpMethod.DELETE, "/admin/v1/snapshots/old").statusCode())
        .isEqualTo(404);
    assertThat(
            admin(io.vertx.core.http.HttpMethod.DELETE, "/admin/v1/snapshots/never").statusCode())
        .isEqualTo(404);
    assertThat(gw.score(BadInputIT.valid()).bodyAsJsonObject().getString("snapshot"))
        .isEqualTo("live");
  }

  @Test
  void anAbandonedLoadIsDiscardedByDelete() {
    List<String> tracks = load("crashed", 700, false);
    assertThat(meta("crashed").getString("state")).isEqualTo("loading");
    assertThat(
            admin(io.vertx.core.http.HttpMethod.DELETE, "/admin/v1/snapshots/crashed").statusCode())
        .isEqualTo(202);
    awaitGone("crashed", null);
    assertThat(keysLeft("crashed", tracks)).isZero();
    load("crashed", 10, true); // the id is usable again
    assertThat(meta("crashed").getString("state")).isEqualTo("complete");
  }

  @Test
  void loadingAgainUnderAnAbandonedIdStartsOver() {
    List<String> tracks = load("redo", 900, false);
    SnapshotWriter again = new SnapshotWriter(gw.seedLink, "redo");
    again.begin("test").await();
    assertThat(keysLeft("redo", tracks)).as("the dead load's rows are gone").isZero();
    again.write(List.of(new SnapshotWriter.Row("t1", "", 0.75))).await();
    again.complete("test", 1, 0).await();
    gw.activate("redo");
    JsonObject answer =
        gw.score(BadInputIT.valid().put("candidates", new JsonArray().add("t1").add("t2")))
            .bodyAsJsonObject();
    assertThat(answer.getString("snapshot")).isEqualTo("redo");
    assertThat(answer.getJsonArray("results").getJsonObject(0).getDouble("score")).isEqualTo(0.75);
    assertThat(answer.getJsonArray("results").getJsonObject(1).getString("reason"))
        .isEqualTo("no_score");
    gw.activate("live");
  }
}
