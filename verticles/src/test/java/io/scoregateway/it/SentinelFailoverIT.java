package io.scoregateway.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.scoregateway.devredis.LocalCluster;
import io.scoregateway.devredis.LocalRedis;
import io.scoregateway.devredis.LocalSentinel;
import io.scoregateway.redis.RedisCall;
import io.scoregateway.store.Keys;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Sentinel mode (1 master, 1 replica, 3 sentinels) under steady scoring and delivery load with
 * deliveries waiting for one replica: the master is killed (SIGKILL). Scoring answers 200
 * throughout (degraded at worst) and answers promoted again once the sentinels have promoted the
 * replica and the gateway has reconnected through them; deliveries answer 503 while the new master
 * has no replica and succeed again once the old master, restarted, has been turned into its
 * replica. Every delivery acknowledged with 2xx is on the new master, and retrying the others
 * counts each event exactly once.
 */
class SentinelFailoverIT {
  /** Sentinel failover here: down-after 1 s + election + promotion; the gateway then reconnects. */
  static final long RESUME_BOUND_MS = 10_000;

  static LocalSentinel sentinel;
  static TestGateway gw;
  static Vertx clientVertx;

  @BeforeAll
  static void setUp() throws Exception {
    sentinel = LocalSentinel.start();
    gw = TestGateway.startSentinel(sentinel, 2, null, 200, 1);
    clientVertx = Vertx.vertx();
    gw.snapshot("s", true, "t1", "", 0.5, "t2", "", 0.4);
    assertThat(
            gw.putCampaign("c1", TestGateway.campaign("t1").put("budget", 1_000_000_000))
                .statusCode())
        .isEqualTo(200);
  }

  @AfterAll
  static void tearDown() {
    if (clientVertx != null) {
      clientVertx.close().await();
    }
    if (gw != null) {
      gw.close();
    }
    if (sentinel != null) {
      sentinel.close();
    }
  }

  static JsonObject event(String id) {
    return new JsonObject()
        .put("id", id)
        .put("user", "u-" + id)
        .put("track", "t1")
        .put("campaign", "c1")
        .put("surface", "autoplay")
        .put("ts", "2026-11-28T11:59:00Z");
  }

  static HttpResponse<Buffer> deliver(WebClient http, List<String> ids) {
    JsonArray events = new JsonArray();
    ids.forEach(id -> events.add(event(id)));
    return http.post(gw.port, "127.0.0.1", "/v1/deliveries")
        .sendJsonObject(new JsonObject().put("events", events))
        .await();
  }

  static final JsonObject SCORE =
      new JsonObject()
          .put("user", "u-1")
          .put("surface", "autoplay")
          .put("market", "SE")
          .put("candidates", new JsonArray().add("t1").add("t2"));

  static boolean has(JsonObject body, String reason) {
    return body.getJsonArray("results").stream()
        .anyMatch(o -> ((JsonObject) o).getString("reason").equals(reason));
  }

  @Test
  void failoverThroughTheSentinels() throws Exception {
    WebClient http = WebClient.create(clientVertx);

    // before any fault: scoring promotes and a delivery is counted
    HttpResponse<Buffer> first =
        http.post(gw.port, "127.0.0.1", "/v1/scores").sendJsonObject(SCORE).await();
    assertThat(first.statusCode()).isEqualTo(200);
    assertThat(has(first.bodyAsJsonObject(), "promoted"))
        .as("promoted before the fault: " + first.bodyAsString())
        .isTrue();
    assertThat(deliver(http, List.of("warm-up")).statusCode()).isEqualTo(200);
    assertThat(delivered()).isEqualTo(1);

    Load load = new Load(http);
    load.start(3);
    TestGateway.sleep(1_500);

    LocalRedis oldMaster = sentinel.master();
    int ackedBeforeKill = load.acked.size();
    List<String> ackedBeforeKillIds = new ArrayList<>(load.acked);
    oldMaster.kill();
    long killedAt = System.currentTimeMillis();

    LocalRedis newMaster = sentinel.awaitFailover(oldMaster, 20_000);
    long failoverMs = System.currentTimeMillis() - killedAt;

    // promoted answers on every data-plane verticle: 20 promoted answers in a row from the load
    long deadline = killedAt + 20_000;
    while (load.promotedStreak.get() < 20 && System.currentTimeMillis() < deadline) {
      TestGateway.sleep(20);
    }
    assertThat(load.promotedStreak.get())
        .as("promoted answers resumed after the failover")
        .isGreaterThanOrEqualTo(20);
    long lastUnpromoted = load.lastUnpromotedAt.get();
    long resumeMs = lastUnpromoted - killedAt;
    long firstPromotedMs = load.firstPromotedAfter(killedAt) - killedAt;

    // the new master has no replica: deliveries wait for one in vain (503) until the old master
    // comes back and the sentinels make it a replica of the new one
    int ackedBeforeRejoin = load.acked.size();
    long restartAt = System.currentTimeMillis();
    sentinel.restart(oldMaster);
    sentinel.awaitReplicaOnline(newMaster, 20_000);
    long rejoinMs = System.currentTimeMillis() - restartAt;
    int ackedAtRejoin = load.acked.size();
    TestGateway.sleep(1_000);
    load.stop();

    assertThat(load.scoreStatuses).as("scoring answered 200 throughout").containsOnlyKeys(200);
    assertThat(load.deliveryStatuses.keySet())
        .as("deliveries answer 200 or 503")
        .allMatch(s -> s == 200 || s == 503);
    assertThat(load.deliveryStatuses)
        .as("503 while the new master had no replica")
        .containsKey(503);
    assertThat(load.degraded.get()).as("degraded answers during the failover").isPositive();
    assertThat(ackedBeforeKill).as("deliveries acknowledged before the kill").isPositive();
    assertThat(resumeMs)
        .as("every answer promoted again after the kill, ms")
        .isBetween(0L, RESUME_BOUND_MS);
    assertThat(load.acked.size())
        .as("deliveries confirmed again after the rejoin")
        .isGreaterThan(ackedAtRejoin);

    // every acknowledged delivery is on the new master (the process itself, not through the
    // gateway)
    assertThat(ackedBeforeKillIds).isNotEmpty();
    for (String id : load.acked) {
      assertThat(LocalCluster.call(newMaster, "EXISTS", Keys.campaignEvent("c1", id)))
          .as("acknowledged delivery %s on the new master", id)
          .isEqualTo(1L);
    }

    // a client retries what was not confirmed: afterwards each event is counted exactly once
    List<String> retry = new ArrayList<>(load.unacked);
    for (int from = 0; from < retry.size(); from += 50) {
      assertThat(deliver(http, retry.subList(from, Math.min(retry.size(), from + 50))).statusCode())
          .isEqualTo(200);
    }
    assertThat(delivered()).as("delivered, exactly once").isEqualTo(1 + load.eventIds.get());

    System.out.printf(
        "sentinel failover: sentinels switched %d ms after the kill; first promoted answer %d ms,"
            + " all answers promoted from %d ms; old master rejoined as replica %d ms after its restart;"
            + " %d degraded answers of %d; deliveries: %d acknowledged (%d before the kill, %d more until the"
            + " rejoin), %d answered 503 and retried%n",
        failoverMs,
        firstPromotedMs,
        resumeMs,
        rejoinMs,
        load.degraded.get(),
        load.scores.get(),
        load.acked.size(),
        ackedBeforeKill,
        ackedBeforeRejoin - ackedBeforeKill,
        load.unacked.size());
  }

  static long delivered() {
    Response r =
        gw.seedLink.send(RedisCall.on(Command.HGET, Keys.pacing("c1")).arg("delivered")).await();
    return r == null ? 0 : r.toLong();
  }

  /** Clients scoring and delivering in a loop, recording what they saw. */
  static final class Load {
    final WebClient http;
    final AtomicBoolean running = new AtomicBoolean(true);
    final Map<Integer, Integer> scoreStatuses = new ConcurrentHashMap<>();
    final Map<Integer, Integer> deliveryStatuses = new ConcurrentHashMap<>();
    final Set<String> acked = ConcurrentHashMap.newKeySet();
    final Set<String> unacked = ConcurrentHashMap.newKeySet();
    final AtomicLong scores = new AtomicLong();
    final AtomicLong degraded = new AtomicLong();

    /** When the last answer without a promoted candidate arrived (millis). */
    final AtomicLong lastUnpromotedAt = new AtomicLong();

    /** Promoted answers in a row, across clients. */
    final AtomicInteger promotedStreak = new AtomicInteger();

    /** Start and arrival time (millis) of each promoted answer. */
    final ConcurrentLinkedQueue<long[]> promoted = new ConcurrentLinkedQueue<>();

    final AtomicLong eventIds = new AtomicLong();
    final List<Thread> threads = new ArrayList<>();

    Load(WebClient http) {
      this.http = http;
    }

    void start(int clients) {
      for (int c = 0; c < clients; c++) {
        Thread t = new Thread(this::loop, "sentinel-load-" + c);
        threads.add(t);
        t.start();
      }
    }

    void stop() throws InterruptedException {
      running.set(false);
      for (Thread t : threads) {
        t.join();
      }
    }

    /** When the first promoted answer to a request sent after {@code t} arrived. */
    long firstPromotedAfter(long t) {
      return promoted.stream()
          .filter(p -> p[0] > t)
          .mapToLong(p -> p[1])
          .min()
          .orElse(Long.MAX_VALUE);
    }

    private void loop() {
      while (running.get()) {
        long start = System.currentTimeMillis();
        HttpResponse<Buffer> r =
            http.post(gw.port, "127.0.0.1", "/v1/scores").sendJsonObject(SCORE).await();
        long end = System.currentTimeMillis();
        scores.incrementAndGet();
        scoreStatuses.merge(r.statusCode(), 1, Integer::sum);
        if (r.statusCode() == 200 && has(r.bodyAsJsonObject(), "promoted")) {
          promoted.add(new long[] {start, end});
          promotedStreak.incrementAndGet();
        } else {
          if (r.statusCode() == 200 && has(r.bodyAsJsonObject(), "degraded")) {
            degraded.incrementAndGet();
          }
          lastUnpromotedAt.accumulateAndGet(end, Math::max);
          promotedStreak.set(0);
        }
        String id = "f-" + eventIds.incrementAndGet();
        int status = deliver(http, List.of(id)).statusCode();
        deliveryStatuses.merge(status, 1, Integer::sum);
        (status == 200 ? acked : unacked).add(id);
      }
    }
  }
}
