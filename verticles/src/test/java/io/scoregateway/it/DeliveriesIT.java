package io.scoregateway.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.scoregateway.redis.RedisCall;
import io.scoregateway.store.Keys;
import io.vertx.core.Future;
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

/** POST /v1/deliveries: exactly-once counting on both sides, per-event rejection. */
class DeliveriesIT {
  static TestGateway gw;

  @BeforeAll
  static void setUp() throws Exception {
    gw = TestGateway.start(2, null);
    seed();
  }

  /** The data every test here reads (also seeded by the cluster variant). */
  static void seed() {
    gw.snapshot("s", true, "t1", "", 0.5, "t2", "", 0.5, "t3", "", 0.5);
    assertThat(
            gw.putCampaign(
                    "c1",
                    TestGateway.campaign("t1")
                        .put("budget", 100_000)
                        .put(
                            "frequency_cap",
                            new JsonObject().put("max", 2).put("window_seconds", 3600)))
                .statusCode())
        .isEqualTo(200);
    assertThat(gw.putCampaign("c2", TestGateway.campaign("t2").put("budget", 100_000)).statusCode())
        .isEqualTo(200);
  }

  @AfterAll
  static void tearDown() {
    gw.close();
  }

  static JsonObject event(String id, String user, String track, String campaign) {
    return new JsonObject()
        .put("id", id)
        .put("user", user)
        .put("track", track)
        .put("campaign", campaign)
        .put("surface", "autoplay")
        .put("ts", "2026-11-28T11:59:00Z");
  }

  static HttpResponse<Buffer> deliver(JsonObject... events) {
    return deliver(gw, events);
  }

  static HttpResponse<Buffer> deliver(TestGateway gw, JsonObject... events) {
    return gw.http
        .post(gw.port, "127.0.0.1", "/v1/deliveries")
        .sendJsonObject(new JsonObject().put("events", new JsonArray(List.of((Object[]) events))))
        .await();
  }

  static long delivered(String campaign) {
    Response r =
        gw.seedLink
            .send(RedisCall.on(Command.HGET, Keys.pacing(campaign)).arg("delivered"))
            .await();
    return r == null ? 0 : r.toLong();
  }

  static long frequency(String user, String campaign) {
    long window = gw.clock.millis() / 3_600_000;
    Response r =
        gw.seedLink.send(RedisCall.on(Command.GET, Keys.frequency(user, campaign, window))).await();
    return r == null ? 0 : r.toLong();
  }

  @Test
  void countsOnceAndReportsDuplicatesAndRejections() {
    long before = delivered("c2");
    HttpResponse<Buffer> r =
        deliver(
            event("a-1", "u-a", "t2", "c2"),
            event("a-2", "u-a", "t2", "c2"),
            event("a-1", "u-a", "t2", "c2"),
            event("a-3", "u-a", "t2", "nope"),
            event("a-4", "u-a", "t1", "c2"),
            event("a-5", "u a", "t2", "c2"),
            event("a-6", "u-a", "t2", "c2").put("ts", "2027-01-01T00:00:00Z"));
    assertThat(r.statusCode()).as(r.bodyAsString()).isEqualTo(200);
    JsonObject body = r.bodyAsJsonObject();
    assertThat(body.getInteger("accepted")).isEqualTo(2);
    assertThat(body.getInteger("duplicates")).isEqualTo(1);
    JsonArray rejected = body.getJsonArray("rejected");
    assertThat(rejected.stream().map(o -> ((JsonObject) o).getInteger("index")).toList())
        .containsExactly(3, 4, 5, 6);
    assertThat(rejected.getJsonObject(0).getString("error"))
        .contains("campaign: unknown campaign nope");
    assertThat(rejected.getJsonObject(1).getString("error"))
        .contains("track: t1 is not in campaign c2");
    assertThat(rejected.getJsonObject(2).getString("error")).contains("user: invalid user id");
    assertThat(rejected.getJsonObject(3).getString("error")).contains("ts: in the future");
    assertThat(delivered("c2") - before).isEqualTo(2);

    HttpResponse<Buffer> retry =
        deliver(event("a-1", "u-a", "t2", "c2"), event("a-2", "u-a", "t2", "c2"));
    assertThat(retry.bodyAsJsonObject().getInteger("accepted")).isZero();
    assertThat(retry.bodyAsJsonObject().getInteger("duplicates")).isEqualTo(2);
    assertThat(delivered("c2") - before).isEqualTo(2);
  }

  @Test
  void deliveriesFeedTheFrequencyCap() {
    JsonObject score =
        new JsonObject()
            .put("user", "u-cap")
            .put("surface", "autoplay")
            .put("market", "SE")
            .put("candidates", new JsonArray().add("t1"));
    assertThat(
            gw.score(score)
                .bodyAsJsonObject()
                .getJsonArray("results")
                .getJsonObject(0)
                .getString("reason"))
        .isEqualTo("promoted");
    deliver(event("cap-1", "u-cap", "t1", "c1"), event("cap-2", "u-cap", "t1", "c1"));
    assertThat(frequency("u-cap", "c1")).isEqualTo(2);
    long window = gw.clock.millis() / 3_600_000;
    long ttl =
        gw.seedLink
            .send(RedisCall.on(Command.TTL, Keys.frequency("u-cap", "c1", window)))
            .await()
            .toLong();
    assertThat(ttl).as("kept for two windows").isBetween(7100L, 7200L);
    // the next window starts afresh
    gw.clock.advanceMs(3_600_000);
    assertThat(
            gw.score(score)
                .bodyAsJsonObject()
                .getJsonArray("results")
                .getJsonObject(0)
                .getString("reason"))
        .isEqualTo("promoted");
    gw.clock.advanceMs(-3_600_000);
    assertThat(
            gw.score(score)
                .bodyAsJsonObject()
                .getJsonArray("results")
                .getJsonObject(0)
                .getString("reason"))
        .isEqualTo("frequency_capped");
    // an uncapped campaign keeps no listener counter
    deliver(event("nocap-1", "u-cap", "t2", "c2"));
    assertThat(frequency("u-cap", "c2")).isZero();
  }

  @Test
  void everyDeliverySentTwiceConcurrentlyIsCountedOnce() {
    long before = delivered("c2");
    // two clients (separate connection pools), one listener per event: each batch runs many
    // listener-side calls, so the two copies' calls interleave in Redis every way they can
    io.vertx.ext.web.client.WebClient other = io.vertx.ext.web.client.WebClient.create(gw.vertx);
    List<Future<HttpResponse<Buffer>>> calls = new ArrayList<>();
    int events = 2_000;
    for (int batch = 0; batch < events; batch += 100) {
      for (int copy = 0; copy < 2; copy++) {
        List<Object> list = new ArrayList<>();
        for (int i = batch; i < batch + 100; i++) {
          list.add(event("twice-" + i, "u-twice-" + i, "t2", "c2"));
        }
        calls.add(
            (copy == 0 ? gw.http : other)
                .post(gw.port, "127.0.0.1", "/v1/deliveries")
                .sendJsonObject(new JsonObject().put("events", new JsonArray(list))));
      }
    }
    int accepted = 0;
    int duplicates = 0;
    for (Future<HttpResponse<Buffer>> f : calls) {
      JsonObject b = f.await().bodyAsJsonObject();
      accepted += b.getInteger("accepted");
      duplicates += b.getInteger("duplicates");
    }
    other.close();
    assertThat(delivered("c2") - before).as("counter").isEqualTo(events);
    assertThat(accepted).as("accepted, summed over both copies").isEqualTo(events);
    assertThat(duplicates).isEqualTo(events);
  }

  @Test
  void anEventIdReusedForAnotherListenerIsRefusedOnBothSides() {
    long before = delivered("c1");
    assertThat(deliver(event("x1", "u-20", "t1", "c1")).bodyAsJsonObject().getInteger("accepted"))
        .isEqualTo(1);
    JsonObject reused = deliver(event("x1", "u-21", "t1", "c1")).bodyAsJsonObject();
    assertThat(reused.getInteger("accepted")).isZero();
    assertThat(reused.getInteger("duplicates")).isZero();
    assertThat(reused.getJsonArray("rejected").getJsonObject(0).getString("error"))
        .startsWith("id: ");
    assertThat(delivered("c1") - before).isEqualTo(1);
    assertThat(frequency("u-20", "c1")).isEqualTo(1);
    assertThat(frequency("u-21", "c1")).as("the refused event counts for nobody").isZero();
    // the same event again is a plain retry
    assertThat(deliver(event("x1", "u-20", "t1", "c1")).bodyAsJsonObject().getInteger("duplicates"))
        .isEqualTo(1);
    assertThat(frequency("u-20", "c1")).isEqualTo(1);
  }

  @Test
  void playsOutsideTheFlightAreRefusedButLateReportsCount() {
    assertThat(
            gw.putCampaign(
                    "cFlight",
                    TestGateway.campaign("t3")
                        .put("start", "2026-11-28T11:00:00Z")
                        .put("end", "2026-11-28T11:50:00Z"))
                .statusCode())
        .isEqualTo(200);
    long before = delivered("cFlight");
    JsonObject r =
        deliver(
                event("f-1", "u-f", "t3", "cFlight").put("ts", "2026-11-28T10:59:59Z"),
                event("f-2", "u-f", "t3", "cFlight").put("ts", "2026-11-28T11:30:00Z"),
                event("f-3", "u-f", "t3", "cFlight").put("ts", "2026-11-28T11:50:05Z"),
                event("f-4", "u-f", "t3", "cFlight").put("ts", "2026-11-28T11:51:00Z"))
            .bodyAsJsonObject();
    // before the start: refused; inside the flight, reported late: counted; a play within the
    // settle time (10 s) after the end, of a promotion made inside the flight, counts; later not
    assertThat(r.getInteger("accepted")).isEqualTo(2);
    JsonArray rejected = r.getJsonArray("rejected");
    assertThat(rejected.getJsonObject(0).getInteger("index")).isZero();
    assertThat(rejected.getJsonObject(0).getString("error")).startsWith("ts: before the flight");
    assertThat(rejected.getJsonObject(1).getInteger("index")).isEqualTo(3);
    assertThat(rejected.getJsonObject(1).getString("error")).startsWith("ts: after the flight");
    assertThat(delivered("cFlight") - before).isEqualTo(2);
  }

  @Test
  void badEnvelopeIsA400() {
    HttpResponse<Buffer> r =
        gw.http
            .post(gw.port, "127.0.0.1", "/v1/deliveries")
            .sendJsonObject(new JsonObject().put("events", "x"))
            .await();
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.bodyAsJsonObject().getString("detail")).contains("events: must be an array");
    List<Object> many = new ArrayList<>();
    for (int i = 0; i < 1001; i++) {
      many.add(event("m-" + i, "u", "t2", "c2"));
    }
    HttpResponse<Buffer> tooMany =
        gw.http
            .post(gw.port, "127.0.0.1", "/v1/deliveries")
            .sendJsonObject(new JsonObject().put("events", new JsonArray(many)))
            .await();
    assertThat(tooMany.statusCode()).isEqualTo(400);
    assertThat(tooMany.bodyAsJsonObject().getString("detail")).contains("too many events");
  }
}
