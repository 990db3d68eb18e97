package io.scoregateway.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.scoregateway.codec.CampaignCodec;
import io.scoregateway.devredis.LocalRedis;
import io.scoregateway.model.Campaign;
import io.scoregateway.pacing.PacingPlan;
import io.scoregateway.pacing.PacingRecord;
import io.scoregateway.pacing.PacingRevision;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * Pacing in real time through two gateway instances over one Redis: 1 s slots, a 40 s flight, fresh
 * listeners, every promotion played 0-3 s later and reported then. Every campaign flies at once,
 * each under its own condition: demand 3x, 30x and 100x its need, 0.5x, a budget raised and one
 * lowered mid-flight, a pause and resume, a 10x traffic jump, and one read through the admin API
 * five times a second. Each keeps delivered within 10% of budget of its plan, ends at 95-100% and
 * over-delivers by at most 2% (0.5x: promotes every eligible candidate instead).
 */
class PacingScenariosIT {
  static final long SLOT = 1_000;
  static final long FLIGHT = 40_000;
  static final int REQUESTS_PER_SEC = 250;
  static final long ATTEMPTS = REQUESTS_PER_SEC * FLIGHT / 1000;

  /** One campaign's condition: budget from the demand ratio, and an optional change at a time. */
  record Scenario(
      String id,
      double ratio,
      JsonObject change,
      long changeAtMs,
      JsonObject change2,
      long change2AtMs) {
    long budget() {
      return Math.round(ATTEMPTS / ratio);
    }
  }

  @Test
  void everyCampaignHoldsItsPlan() throws Exception {
    List<Scenario> scenarios =
        List.of(
            new Scenario("r3", 3, null, 0, null, 0),
            new Scenario("r30", 30, null, 0, null, 0),
            new Scenario("r100", 100, null, 0, null, 0),
            new Scenario("r05", 0.5, null, 0, null, 0),
            new Scenario(
                "raise",
                30,
                new JsonObject().put("budget", ATTEMPTS / 30 * 3 / 2),
                15_000,
                null,
                0),
            new Scenario(
                "lower",
                30,
                new JsonObject().put("budget", ATTEMPTS / 30 * 2 / 3),
                15_000,
                null,
                0),
            new Scenario(
                "pause",
                30,
                new JsonObject().put("status", "paused"),
                12_000,
                new JsonObject().put("status", "active"),
                20_000),
            new Scenario("jump", 30, null, 0, null, 0),
            new Scenario("read", 30, null, 0, null, 0));
    try (LocalRedis redis = LocalRedis.start();
        TestGateway a = TestGateway.startRealTime(redis, 1, SLOT);
        TestGateway b = TestGateway.startRealTime(redis, 1, SLOT)) {
      Object[] rows = new Object[3 * scenarios.size()];
      for (int i = 0; i < scenarios.size(); i++) {
        rows[3 * i] = "t-" + scenarios.get(i).id();
        rows[3 * i + 1] = "";
        rows[3 * i + 2] = 0.5;
      }
      a.snapshot("s", true, rows);
      long start = (System.currentTimeMillis() / SLOT + 3) * SLOT;
      long end = start + FLIGHT;
      Map<String, JsonObject> configs = new LinkedHashMap<>();
      for (Scenario s : scenarios) {
        JsonObject body =
            new JsonObject()
                .put("tracks", new JsonArray().add("t-" + s.id()))
                .put("start", Instant.ofEpochMilli(start).toString())
                .put("end", Instant.ofEpochMilli(end).toString())
                .put("budget", s.budget())
                .put("pacing", "even")
                .put("boost", 1.0)
                .put("status", "active");
        assertThat(a.putCampaign(s.id(), body).statusCode()).isEqualTo(200);
        configs.put(s.id(), body);
      }
      Run run = new Run(a, b, scenarios, configs, start, end);
      run.drive();
      for (Scenario s : scenarios) {
        long budget = configs.get(s.id()).getLong("budget");
        long delivered = run.delivered(s.id());
        String what =
            s.id()
                + " (budget "
                + budget
                + ", delivered "
                + delivered
                + ", worst gap "
                + run.worstGap.get(s.id())
                + " "
                + run.worstAt.getOrDefault(s.id(), "")
                + ", promoted "
                + run.promoted.get(s.id())
                + ")";
        if (s.ratio() < 1) {
          assertThat(run.promotedShareAfterRamp(s.id())).as(what).isGreaterThan(0.99);
          continue;
        }
        assertThat(run.samples.getOrDefault(s.id(), 0))
            .as("gap samples of " + what)
            .isGreaterThan(20);
        assertThat(run.worstGap.get(s.id())).as("worst gap of " + what).isLessThan(0.10);
        assertThat(delivered)
            .as("final of " + what)
            .isBetween((long) Math.floor(0.95 * budget), (long) Math.floor(1.02 * budget));
      }
    }
  }

  /** The traffic, the deliveries and the samples of one run. */
  static final class Run {
    final TestGateway a;
    final TestGateway b;
    final List<Scenario> scenarios;
    final Map<String, JsonObject> configs;
    final long start;
    final long end;
    final Map<String, Double> worstGap = new java.util.concurrent.ConcurrentHashMap<>();
    final Map<String, String> worstAt = new java.util.concurrent.ConcurrentHashMap<>();
    final Map<String, Integer> samples = new java.util.concurrent.ConcurrentHashMap<>();
    final Map<String, AtomicLong> promoted = new java.util.concurrent.ConcurrentHashMap<>();
    final Map<String, AtomicLong> eligibleLate = new java.util.concurrent.ConcurrentHashMap<>();
    final Map<String, AtomicLong> promotedLate = new java.util.concurrent.ConcurrentHashMap<>();
    final ConcurrentLinkedQueue<JsonObject> plays = new ConcurrentLinkedQueue<>();
    final AtomicLong users = new AtomicLong();
    volatile long changedAt;

    Run(
        TestGateway a,
        TestGateway b,
        List<Scenario> scenarios,
        Map<String, JsonObject> configs,
        long start,
        long end) {
      this.a = a;
      this.b = b;
      this.scenarios = scenarios;
      this.configs = configs;
      this.start = start;
      this.end = end;
      for (Scenario s : scenarios) {
        worstGap.put(s.id(), 0.0);
        promoted.put(s.id(), new AtomicLong());
        eligibleLate.put(s.id(), new AtomicLong());
        promotedLate.put(s.id(), new AtomicLong());
      }
    }

    void drive() throws InterruptedException {
      ScheduledExecutorService timers = Executors.newScheduledThreadPool(4);
      List<ScheduledFuture<?>> tasks = new ArrayList<>();
      long tick = 20;
      tasks.add(timers.scheduleAtFixedRate(this::requests, 0, tick, TimeUnit.MILLISECONDS));
      tasks.add(timers.scheduleAtFixedRate(this::flushPlays, 50, 100, TimeUnit.MILLISECONDS));
      tasks.add(timers.scheduleAtFixedRate(this::sample, 10, 100, TimeUnit.MILLISECONDS));
      tasks.add(
          timers.scheduleAtFixedRate(
              () -> a.http.get(a.adminPort, "127.0.0.1", "/admin/v1/campaigns/read").send(),
              0,
              200,
              TimeUnit.MILLISECONDS));
      for (Scenario s : scenarios) {
        schedule(timers, s, s.change(), s.changeAtMs()).ifPresent(tasks::add);
        schedule(timers, s, s.change2(), s.change2AtMs()).ifPresent(tasks::add);
      }
      long wait = end + 6_000 - System.currentTimeMillis();
      Thread.sleep(Math.max(0, wait));
      // a periodic task that is done has thrown (and stopped); a change that threw was not made
      for (ScheduledFuture<?> task : tasks) {
        if (task.isDone()) {
          try {
            task.get();
          } catch (ExecutionException e) {
            timers.shutdownNow();
            throw new AssertionError("a scenario driver task failed", e.getCause());
          }
        }
      }
      timers.shutdownNow();
      timers.awaitTermination(5, TimeUnit.SECONDS);
      flushPlays();
    }

    private Optional<ScheduledFuture<?>> schedule(
        ScheduledExecutorService timers, Scenario s, JsonObject change, long atMs) {
      if (change == null) {
        return Optional.empty();
      }
      return Optional.of(
          timers.schedule(
              () -> {
                JsonObject body = configs.get(s.id()).copy().mergeIn(change);
                configs.put(s.id(), body);
                changedAt = System.currentTimeMillis();
                a.putCampaign(s.id(), body);
              },
              start + atMs - System.currentTimeMillis(),
              TimeUnit.MILLISECONDS));
    }

    private void requests() {
      long now = System.currentTimeMillis();
      if (now < start - 1_000 || now >= end) {
        return;
      }
      for (int i = 0; i < REQUESTS_PER_SEC / 50; i++) {
        long n = users.incrementAndGet();
        JsonArray candidates = new JsonArray();
        for (Scenario s : scenarios) {
          // the jump campaign sees a tenth of the traffic for the first half of the flight
          if (!s.id().equals("jump") || now >= start + FLIGHT / 2 || n % 10 == 0) {
            candidates.add("t-" + s.id());
          }
        }
        TestGateway gw = n % 2 == 0 ? a : b;
        JsonObject req =
            new JsonObject()
                .put("user", "u" + n)
                .put("surface", "autoplay")
                .put("market", "SE")
                .put("candidates", candidates);
        gw.http
            .post(gw.port, "127.0.0.1", "/v1/scores")
            .sendJsonObject(req)
            .onSuccess(
                res -> {
                  JsonArray results = res.bodyAsJsonObject().getJsonArray("results");
                  for (int j = 0; j < results.size(); j++) {
                    JsonObject r = results.getJsonObject(j);
                    String campaign = r.getString("campaign");
                    boolean late = now > start + 5_000;
                    if (late && !r.getString("reason").equals("outside_flight")) {
                      eligibleLate.get(campaign).incrementAndGet();
                    }
                    if (r.getBoolean("promoted")) {
                      promoted.get(campaign).incrementAndGet();
                      if (late) {
                        promotedLate.get(campaign).incrementAndGet();
                      }
                      long lag = ThreadLocalRandom.current().nextLong(3_001);
                      JsonObject play =
                          new JsonObject()
                              .put("id", "e" + n + "-" + campaign)
                              .put("user", "u" + n)
                              .put("track", r.getString("track"))
                              .put("campaign", campaign)
                              .put("surface", "autoplay")
                              .put("at", System.currentTimeMillis() + lag);
                      plays.add(play);
                    }
                  }
                });
      }
    }

    /** Reports the plays whose time has come, stamped with that time, alternating instances. */
    private void flushPlays() {
      long now = System.currentTimeMillis();
      JsonArray due = new JsonArray();
      List<JsonObject> keep = new ArrayList<>();
      JsonObject p;
      while ((p = plays.poll()) != null) {
        if (p.getLong("at") <= now) {
          JsonObject event = p.copy();
          event.remove("at");
          due.add(event.put("ts", Instant.ofEpochMilli(p.getLong("at")).toString()));
        } else {
          keep.add(p);
        }
      }
      plays.addAll(keep);
      for (int from = 0; from < due.size(); from += 500) {
        JsonArray part =
            new JsonArray(due.getList().subList(from, Math.min(due.size(), from + 500)));
        TestGateway gw = from % 1000 == 0 ? a : b;
        gw.http
            .post(gw.port, "127.0.0.1", "/v1/deliveries")
            .sendJsonObject(new JsonObject().put("events", part))
            .await();
      }
    }

    /**
     * Delivered against the controller's own plan (re-planned after changes), outside 0.5 s of a
     * change and only once the controller holds the changed config (on a loaded machine its first
     * refresh after a change may come later than that).
     */
    private void sample() {
      long now = System.currentTimeMillis();
      if (now < start || now >= end || now - changedAt < 500) {
        return;
      }
      List<String> ids = scenarios.stream().map(Scenario::id).toList();
      PacingRecord[] records = a.seed.pacing().read(ids).await();
      for (int i = 0; i < ids.size(); i++) {
        Campaign c = CampaignCodec.parse(ids.get(i), configs.get(ids.get(i)));
        PacingRecord r = records[i];
        if (!PacingRevision.of(c).equals(r.revision)) {
          continue; // the controller has not seen this config yet: its plan is the one before
        }
        double planned =
            PacingPlan.planned(PacingPlan.Shape.of(c), c.budget(), r.base, r.baseMs, r.frozen, now);
        samples.merge(ids.get(i), 1, Integer::sum);
        double gap = Math.abs(r.delivered - planned) / c.budget();
        if (gap > worstGap.get(ids.get(i))) {
          worstAt.put(
              ids.get(i),
              String.format(
                  "at %.1f s: delivered %d, promoted %d, planned %.1f",
                  (now - start) / 1000.0, r.delivered, r.promoted, planned));
        }
        worstGap.merge(ids.get(i), gap, Math::max);
      }
    }

    long delivered(String id) {
      return a.seed.pacing().read(List.of(id)).await()[0].delivered;
    }

    double promotedShareAfterRamp(String id) {
      return (double) promotedLate.get(id).get() / Math.max(1, eligibleLate.get(id).get());
    }
  }
}
