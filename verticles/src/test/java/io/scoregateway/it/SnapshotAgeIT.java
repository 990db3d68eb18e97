package io.scoregateway.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.scoregateway.store.SnapshotWriter;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The answer and the metrics tell how old the active snapshot is, counted from the creation time
 * its metadata records, whether this instance activated it or learnt of it from Redis; a listener
 * served a snapshot experiment's challenger is told the challenger's age.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SnapshotAgeIT {
  static final Pattern GAUGE =
      Pattern.compile("(?m)^gateway_snapshot_age_seconds(?:\\{[^}]*})? (\\S+)$");
  static final JsonObject REQUEST =
      new JsonObject()
          .put("user", "u-1")
          .put("surface", "s")
          .put("market", "SE")
          .put("candidates", new JsonArray(List.of("t1", "t2")));

  static TestGateway gw;

  @BeforeAll
  static void setUp() throws Exception {
    gw = TestGateway.start(1, null);
  }

  @AfterAll
  static void tearDown() {
    gw.close();
  }

  @Test
  @Order(1)
  void withoutActiveSnapshotTheAgeIsUnknown() {
    JsonObject answer = gw.score(REQUEST).bodyAsJsonObject();
    assertThat(answer.containsKey("snapshot_age_s")).isTrue();
    assertThat(answer.getValue("snapshot_age_s")).isNull();
    assertThat(gauge()).isNaN();
  }

  @Test
  @Order(2)
  void anActivatedSnapshotIsAsOldAsItsScores() {
    load("aged", Instant.now().minusSeconds(3600));
    gw.activate("aged");

    JsonObject answer = gw.score(REQUEST).bodyAsJsonObject();
    assertThat(answer.getString("snapshot")).isEqualTo("aged");
    assertThat(answer.getLong("snapshot_age_s")).isBetween(3600L, 3700L);
    assertThat(gauge()).isBetween(3600.0, 3700.0);

    HttpResponse<Buffer> streamed =
        gw.http
            .post(gw.port, "127.0.0.1", "/v1/scores")
            .putHeader("accept", "application/x-ndjson")
            .sendJsonObject(REQUEST)
            .await();
    List<String> lines = streamed.bodyAsString().lines().toList();
    JsonObject done = new JsonObject(lines.get(lines.size() - 1));
    assertThat(done.getBoolean("done")).isTrue();
    assertThat(done.getLong("snapshot_age_s")).isBetween(3600L, 3700L);
  }

  @Test
  @Order(3)
  void aSnapshotActivatedElsewhereBringsItsOwnAge() {
    load("fresh", null);
    // another instance (or an operator's tool) moves the pointer: this one learns it from Redis
    gw.seed.snapshots().activate("fresh").await();
    long deadline = System.currentTimeMillis() + 10_000;
    JsonObject answer = gw.score(REQUEST).bodyAsJsonObject();
    while (!"fresh".equals(answer.getString("snapshot")) && System.currentTimeMillis() < deadline) {
      TestGateway.sleep(50);
      answer = gw.score(REQUEST).bodyAsJsonObject();
    }
    assertThat(answer.getString("snapshot")).isEqualTo("fresh");
    assertThat(answer.getLong("snapshot_age_s")).isBetween(0L, 60L);
    assertThat(gauge()).isBetween(0.0, 60.0);
  }

  @Test
  @Order(4)
  void aChallengerArmIsAsOldAsTheChallenger() {
    load("older", Instant.now().minusSeconds(7200));
    HttpResponse<Buffer> started =
        gw.http
            .put(gw.adminPort, "127.0.0.1", "/admin/v1/experiment")
            .sendJsonObject(
                new JsonObject().put("id", "e-age").put("challenger", "older").put("share", 1.0))
            .await();
    assertThat(started.statusCode()).isEqualTo(200);

    JsonObject answer = gw.score(REQUEST).bodyAsJsonObject();
    assertThat(answer.getString("snapshot")).isEqualTo("older");
    assertThat(answer.getLong("snapshot_age_s")).isBetween(7200L, 7300L);
    // the gauge stays the active snapshot's
    assertThat(gauge()).isBetween(0.0, 60.0);

    // refreshes from Redis (every 100 ms here) keep the challenger's age, read from its metadata
    TestGateway.sleep(300);
    answer = gw.score(REQUEST).bodyAsJsonObject();
    assertThat(answer.getString("snapshot")).isEqualTo("older");
    assertThat(answer.getLong("snapshot_age_s")).isBetween(7200L, 7300L);

    gw.http.delete(gw.adminPort, "127.0.0.1", "/admin/v1/experiment").send().await();
    answer = gw.score(REQUEST).bodyAsJsonObject();
    assertThat(answer.getString("snapshot")).isEqualTo("fresh");
    assertThat(answer.getLong("snapshot_age_s")).isBetween(0L, 60L);
  }

  /** A complete snapshot of two rows whose scores were produced at {@code createdAt}. */
  private static void load(String id, Instant createdAt) {
    SnapshotWriter w = new SnapshotWriter(gw.seedLink, id);
    w.begin("scores.parquet", "parquet").await();
    w.write(List.of(new SnapshotWriter.Row("t1", null, 0.5), new SnapshotWriter.Row("t2", "s", 1)))
        .await();
    w.complete("scores.parquet", "parquet", 2, 0, createdAt).await();
  }

  private static double gauge() {
    String page = gw.http.get(gw.adminPort, "127.0.0.1", "/metrics").send().await().bodyAsString();
    Matcher m = GAUGE.matcher(page);
    assertThat(m.find()).as("gateway_snapshot_age_seconds on /metrics").isTrue();
    return Double.parseDouble(m.group(1));
  }
}
