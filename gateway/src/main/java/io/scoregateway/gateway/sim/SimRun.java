package io.scoregateway.gateway.sim;

import io.scoregateway.EngineConfig;
import io.scoregateway.catalog.CampaignIndex;
import io.scoregateway.catalog.PacingRefresher;
import io.scoregateway.catalog.LiveCatalog;
import io.scoregateway.gateway.cli.Await;
import io.scoregateway.model.Campaign;
import io.scoregateway.model.DeliveryEvent;
import io.scoregateway.model.Reason;
import io.scoregateway.model.ScoreRequest;
import io.scoregateway.pacing.ManualClock;
import io.scoregateway.pacing.PacingPlan;
import io.scoregateway.pacing.PacingView;
import io.scoregateway.pipeline.DeliveryRecorder;
import io.scoregateway.pipeline.HopTimings;
import io.scoregateway.pipeline.ScoreExchange;
import io.scoregateway.pipeline.ScorePipeline;
import io.scoregateway.store.Keys;
import io.scoregateway.store.RedisLink;
import io.scoregateway.store.Stores;
import io.scoregateway.telemetry.Telemetry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.RedisOptions;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * One simulated day through the real scoring pipeline, pacing script and delivery ledger. Every
 * delivery is sent twice, concurrently, through two separate connections (two "clients").
 * Traffic draws depend only on the seed, so runs with different campaign settings see the same
 * listeners and candidates.
 */
final class SimRun implements AutoCloseable {
  private final SimSettings s;
  private final String snapshot;
  private final ManualClock clock;
  private final LiveCatalog catalog = new LiveCatalog();
  private final RedisLink linkA;
  private final RedisLink linkB;
  private final ScorePipeline pipeline;
  private final PacingRefresher pacing;
  private final DeliveryRecorder recorderA;
  private final DeliveryRecorder recorderB;

  SimRun(Vertx vertx, RedisOptions redis, SimSettings s, String snapshot, long startMs) {
    this.s = s;
    this.snapshot = snapshot;
    this.clock = new ManualClock(Instant.ofEpochMilli(startMs));
    this.linkA = RedisLink.create(vertx, new RedisOptions(redis), 10_000);
    this.linkB = RedisLink.create(vertx, new RedisOptions(redis), 10_000);
    Await.result(linkA.connect());
    Await.result(linkB.connect());
    Stores a = Stores.over(linkA, s.slotMs());
    Stores b = Stores.over(linkB, s.slotMs());
    PacingView view = new PacingView();
    this.pipeline = new ScorePipeline(catalog, a.scores(), view, s.slotMs(), a.frequency(), clock,
        Telemetry.off().tracer());
    // driven by the simulated clock: one refresh per wave instead of timers
    this.pacing = new PacingRefresher(vertx, a.pacing(), view, catalog, clock, s.slotMs() / 4, 1_000_000);
    this.recorderA = new DeliveryRecorder(catalog, a.deliveries(), view, clock, EngineConfig.DEFAULT_PACING_SETTLE_MS);
    this.recorderB = new DeliveryRecorder(catalog, b.deliveries(), view, clock, EngineConfig.DEFAULT_PACING_SETTLE_MS);
  }

  /** Runs the day for these campaigns (ids must be unique to this run) and returns their series. */
  Map<String, CampaignSeries> run(List<Campaign> campaigns, String userPrefix) {
    catalog.replace(new LiveCatalog.View(CampaignIndex.of(campaigns), 0, snapshot, true));
    Map<String, CampaignSeries> series = new HashMap<>();
    for (Campaign c : campaigns) {
      series.put(c.id(), new CampaignSeries(c, s.slots()));
    }
    CapAudit caps = new CapAudit(campaigns);
    SplittableRandom traffic = new SplittableRandom(s.seed());
    long start = clock.millis();
    for (int slot = 0; slot < s.slots(); slot++) {
      int requests = s.requestsIn(slot);
      int waves = Math.max(1, (requests + s.wave() - 1) / s.wave());
      Set<Integer> usersThisSlot = new HashSet<>();
      for (int w = 0; w < waves; w++) {
        clock.set(start + slot * s.slotMs() + w * (s.slotMs() / waves));
        Await.result(pacing.refresh());
        int n = Math.min(s.wave(), requests - w * s.wave());
        List<ScoreExchange> wave = new ArrayList<>(n);
        for (int r = 0; r < n; r++) {
          wave.add(new ScoreExchange(request(traffic, usersThisSlot, userPrefix), new HopTimings(System.nanoTime())));
        }
        List<Future<Void>> runs = new ArrayList<>(n);
        for (ScoreExchange ex : wave) {
          runs.add(pipeline.run(ex));
        }
        Await.result(Future.all(runs));
        deliver(wave, slot, w, series, caps);
      }
      long slotEnd = start + (slot + 1) * s.slotMs();
      for (CampaignSeries cs : series.values()) {
        cs.delivered[slot] = cs.total;
        cs.planned[slot] = PacingPlan.planned(cs.campaign, slotEnd);
      }
    }
    for (CampaignSeries cs : series.values()) {
      Response r = Await.result(linkA.send(Request.cmd(Command.HGET).arg(Keys.pacing(cs.campaign.id())).arg("delivered")));
      cs.redisDelivered = r == null ? 0 : r.toLong();
      cs.capViolations = caps.violations(cs.campaign.id());
    }
    return series;
  }

  private ScoreRequest request(SplittableRandom rnd, Set<Integer> usersThisSlot, String userPrefix) {
    int user;
    do {
      user = rnd.nextInt(s.users());
    } while (!usersThisSlot.add(user) && usersThisSlot.size() < s.users());
    List<String> candidates = new ArrayList<>(s.candidatesPerRequest());
    for (int i = 0; i < s.candidatesPerRequest(); i++) {
      candidates.add("st" + rnd.nextInt(s.tracks()));
    }
    return new ScoreRequest(userPrefix + user, "autoplay", "SE", ScoreRequest.DEFAULT_SEGMENT, candidates,
        s.maxPromoted(), false);
  }

  /** Plays a share of the promoted answers and reports each delivery twice, concurrently. */
  private void deliver(List<ScoreExchange> wave, int slot, int w, Map<String, CampaignSeries> series, CapAudit caps) {
    List<DeliveryEvent> events = new ArrayList<>();
    Map<String, Integer> promotions = new HashMap<>();
    Instant now = clock.instant();
    for (int r = 0; r < wave.size(); r++) {
      ScoreExchange ex = wave.get(r);
      Set<String> seen = new HashSet<>();
      for (int i = 0; i < ex.size(); i++) {
        if (ex.decision(i).reason() != Reason.PROMOTED || !seen.add(ex.request().candidates().get(i))) {
          continue;
        }
        String campaign = ex.decision(i).campaign();
        promotions.merge(campaign, 1, Integer::sum);
        String id = "e" + slot + "-" + w + "-" + r + "-" + i;
        if (new SplittableRandom(s.seed() ^ id.hashCode()).nextDouble() < s.playRate()) {
          events.add(new DeliveryEvent(id, ex.request().user(), ex.request().candidates().get(i), campaign, "autoplay", now));
        }
      }
    }
    promotions.forEach((c, n) -> series.get(c).maxWavePromotions = Math.max(series.get(c).maxWavePromotions, n));
    if (events.isEmpty()) {
      return;
    }
    List<String> noErrors = new ArrayList<>();
    for (int i = 0; i < events.size(); i++) {
      noErrors.add(null);
    }
    Future<DeliveryRecorder.Outcome> a = recorderA.record(events, noErrors);
    Future<DeliveryRecorder.Outcome> b = recorderB.record(events, noErrors);
    Await.result(Future.all(a, b));
    int accepted = a.result().accepted() + b.result().accepted();
    if (accepted != events.size() || !a.result().rejected().isEmpty() || !b.result().rejected().isEmpty()) {
      throw new IllegalStateException("each delivery must be counted exactly once: sent " + events.size()
          + " twice, accepted " + accepted + ", rejected " + a.result().rejected() + b.result().rejected());
    }
    for (DeliveryEvent e : events) {
      series.get(e.campaign()).total++;
      caps.record(e, clock.millis());
    }
  }

  @Override
  public void close() {
    linkA.close();
    linkB.close();
  }
}
