package io.scoregateway.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.scoregateway.devredis.LocalCluster;
import io.scoregateway.devredis.LocalRedis;
import io.scoregateway.redis.RedisCall;
import io.scoregateway.store.Keys;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Under steady scoring and delivery load (deliveries wait for one replica), a master is killed:
 * scoring keeps answering 200 (degraded at worst) and recovers once its replica is promoted; every
 * delivery acknowledged with 2xx is counted afterwards, and retrying the unacknowledged ones counts
 * each event exactly once.
 */
class ClusterFailoverIT {
  static final int CAMPAIGNS = 5;
  static final int TRACKS_PER_CAMPAIGN = 10;
  static LocalCluster cluster;
  static TestGateway gw;

  @BeforeAll
  static void setUp() throws Exception {
    cluster = LocalCluster.start(3, 1, 1_000);
    gw = TestGateway.startCluster(cluster, true, 2, null, 200, 1);
    List<Object> rows = new ArrayList<>();
    for (int i = 0; i < CAMPAIGNS * TRACKS_PER_CAMPAIGN; i++) {
      rows.addAll(List.of("t" + i, "", 0.5));
    }
    gw.snapshot("s", true, rows.toArray());
    for (int c = 0; c < CAMPAIGNS; c++) {
      List<String> tracks = new ArrayList<>();
      for (int i = 0; i < TRACKS_PER_CAMPAIGN; i++) {
        tracks.add(track(c, i));
      }
      assertThat(
              gw.putCampaign(
                      "c" + c,
                      TestGateway.campaign(tracks.toArray(String[]::new))
                          .put("budget", 1_000_000_000))
                  .statusCode())
          .isEqualTo(200);
    }
  }

  @AfterAll
  static void tearDown() {
    if (gw != null) {
      gw.close();
    }
  }

  static String track(int campaign, int i) {
    return "t" + (campaign * TRACKS_PER_CAMPAIGN + i);
  }

  static JsonObject event(int seq) {
    int c = seq % CAMPAIGNS;
    return new JsonObject()
        .put("id", "f-" + seq)
        .put("user", "u-" + (seq % 37))
        .put("track", track(c, seq % 7))
        .put("campaign", "c" + c)
        .put("surface", "autoplay")
        .put("ts", "2026-11-28T11:59:00Z");
  }

  static HttpResponse<Buffer> deliver(List<JsonObject> events) {
    return gw.http
        .post(gw.port, "127.0.0.1", "/v1/deliveries")
        .sendJsonObject(new JsonObject().put("events", new JsonArray(new ArrayList<>(events))))
        .await();
  }

  static JsonObject scoreAll(int n) {
    JsonArray candidates = new JsonArray();
    for (int i = 0; i < CAMPAIGNS * TRACKS_PER_CAMPAIGN; i++) {
      candidates.add("t" + i);
    }
    HttpResponse<Buffer> r =
        gw.http
            .post(gw.port, "127.0.0.1", "/v1/scores")
            .sendJsonObject(
                new JsonObject()
                    .put("user", "u-" + (n % 100))
                    .put("surface", "autoplay")
                    .put("market", "SE")
                    .put("candidates", candidates))
            .await();
    return new JsonObject()
        .put("status", r.statusCode())
        .put("body", r.statusCode() == 200 ? r.bodyAsJsonObject() : null);
  }

  static long degraded(JsonObject body) {
    return body.getJsonArray("results").stream()
        .filter(o -> ((JsonObject) o).getString("reason").equals("degraded"))
        .count();
  }

  @Test
  void scoringSurvivesAndAcknowledgedDeliveriesAreKept() throws Exception {
    AtomicBoolean stop = new AtomicBoolean();
    List<Integer> scoreStatuses = new CopyOnWriteArrayList<>();
    AtomicInteger degradedAnswers = new AtomicInteger();
    Set<Integer> acked = ConcurrentHashMap.newKeySet();
    Set<Integer> unacked = ConcurrentHashMap.newKeySet();
    AtomicInteger seq = new AtomicInteger();

    Thread scorer =
        new Thread(
            () -> {
              for (int n = 0; !stop.get(); n++) {
                JsonObject r = scoreAll(n);
                scoreStatuses.add(r.getInteger("status"));
                if (r.getInteger("status") == 200 && degraded(r.getJsonObject("body")) > 0) {
                  degradedAnswers.incrementAndGet();
                }
              }
            });
    Thread deliverer =
        new Thread(
            () -> {
              while (!stop.get()) {
                List<JsonObject> events = new ArrayList<>();
                List<Integer> ids = new ArrayList<>();
                for (int i = 0; i < 5; i++) {
                  int s = seq.getAndIncrement();
                  ids.add(s);
                  events.add(event(s));
                }
                int status = deliver(events).statusCode();
                if (status == 200) {
                  acked.addAll(ids);
                } else {
                  assertThat(status).as("deliveries answer 2xx or 503").isEqualTo(503);
                  unacked.addAll(ids);
                }
              }
            });
    scorer.start();
    deliverer.start();
    TestGateway.sleep(1_500);

    LocalRedis victim = cluster.masterOf(Keys.pacing("c0"));
    int ackedBeforeKill = acked.size();
    victim.kill();
    long killedAt = System.currentTimeMillis();

    // the replica takes over after cluster-node-timeout; the gateway finds it and answers fully
    // again
    long recoveredAt = -1;
    int clean = 0;
    while (System.currentTimeMillis() - killedAt < 20_000) {
      JsonObject r = scoreAll(0);
      clean =
          r.getInteger("status") == 200 && degraded(r.getJsonObject("body")) == 0 ? clean + 1 : 0;
      if (clean >= 5) {
        recoveredAt = System.currentTimeMillis();
        break;
      }
      TestGateway.sleep(50);
    }
    assertThat(recoveredAt).as("scoring recovered after the failover").isPositive();

    // the promoted master has no replica until the old one rejoins: its deliveries wait (503)
    cluster.restart(victim);
    cluster.awaitHealthy(20_000);
    int ackedAfterRejoin = acked.size();
    TestGateway.sleep(1_000);
    stop.set(true);
    scorer.join();
    deliverer.join();

    assertThat(scoreStatuses).as("scoring always answered 200").allMatch(s -> s == 200);
    assertThat(ackedBeforeKill).isPositive();
    assertThat(acked.size())
        .as("deliveries confirmed again after the rejoin")
        .isGreaterThan(ackedAfterRejoin);

    // every acknowledged delivery survived the failover, on both sides
    for (int s : acked) {
      JsonObject e = event(s);
      assertThat(exists(Keys.campaignEvent(e.getString("campaign"), e.getString("id"))))
          .as("campaign marker of acknowledged " + e.getString("id"))
          .isTrue();
      assertThat(
              exists(
                  Keys.userEvent(e.getString("user"), e.getString("campaign"), e.getString("id"))))
          .as("listener marker of acknowledged " + e.getString("id"))
          .isTrue();
    }
    // a client retries what was not confirmed: afterwards each event is counted exactly once
    List<Integer> retry = new ArrayList<>(unacked);
    for (int from = 0; from < retry.size(); from += 50) {
      List<JsonObject> events = new ArrayList<>();
      for (int s : retry.subList(from, Math.min(retry.size(), from + 50))) {
        events.add(event(s));
      }
      assertThat(deliver(events).statusCode()).isEqualTo(200);
    }
    int total = seq.get();
    long[] expected = new long[CAMPAIGNS];
    for (int s = 0; s < total; s++) {
      expected[s % CAMPAIGNS]++;
    }
    for (int c = 0; c < CAMPAIGNS; c++) {
      Response r =
          gw.seedLink
              .send(RedisCall.on(Command.HGET, Keys.pacing("c" + c)).arg("delivered"))
              .await();
      assertThat(r == null ? 0 : r.toLong()).as("delivered c" + c).isEqualTo(expected[c]);
    }
    System.out.printf(
        "failover: recovered %d ms after the kill; %d degraded answers of %d; %d deliveries"
            + " acknowledged, %d answered 503 and retried%n",
        recoveredAt - killedAt,
        degradedAnswers.get(),
        scoreStatuses.size(),
        acked.size() * 1,
        unacked.size());
  }

  static boolean exists(String key) {
    return gw.seedLink.send(RedisCall.on(Command.EXISTS, key)).await().toLong() == 1;
  }
}
