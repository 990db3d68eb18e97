package io.scoregateway.gateway.sim;

import io.scoregateway.allocate.AllocationRules;
import io.scoregateway.catalog.CampaignIndex;
import io.scoregateway.catalog.LiveCatalog;
import io.scoregateway.gateway.cli.Await;
import io.scoregateway.model.Campaign;
import io.scoregateway.model.DeliveryEvent;
import io.scoregateway.model.Reason;
import io.scoregateway.pacing.ManualClock;
import io.scoregateway.pacing.PacingPlan;
import io.scoregateway.pacing.PacingRecord;
import io.scoregateway.pipeline.HopTimings;
import io.scoregateway.pipeline.ScoreExchange;
import io.scoregateway.redis.RedisCall;
import io.scoregateway.redis.RedisLink;
import io.scoregateway.store.Keys;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.RedisOptions;
import io.vertx.redis.client.Response;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Function;

/**
 * One simulated flight through the real scoring pipeline, pacing refresher and script, and delivery
 * ledger, on {@link SimSettings#options()}' instances over one Redis. The clock moves in refresh
 * periods: each begins with every instance's refresh, then its requests run in waves spread over
 * the period, and before each wave an instance whose lease ran dry refreshes as the gateway would
 * (at most once per {@link io.scoregateway.catalog.PacingRefresher#DRY_GAP_MS}). Promoted
 * candidates are played (a share of them) after a random lag and reported when their play time
 * comes, each twice, concurrently, over two connections.
 */
final class SimRun implements AutoCloseable {
  private final SimSettings s;
  private final String snapshot;
  private final long startMs;
  private final ManualClock clock;
  private final LiveCatalog catalog = new LiveCatalog();
  private final List<SimInstance> instances = new ArrayList<>();
  private final PendingPlays pending = new PendingPlays();
  private final Map<String, CampaignSeries> series = new LinkedHashMap<>();
  private List<Campaign> published;
  private long version;
  private CapAudit caps;
  private PlayReporter plays;

  SimRun(Vertx vertx, RedisOptions redis, SimSettings s, String snapshot, long startMs) {
    this(vertx, redis, s, snapshot, startMs, AllocationRules.DEFAULTS);
  }

  SimRun(
      Vertx vertx,
      RedisOptions redis,
      SimSettings s,
      String snapshot,
      long startMs,
      AllocationRules allocation) {
    this.s = s;
    this.snapshot = snapshot;
    this.startMs = startMs;
    this.clock = new ManualClock(Instant.ofEpochMilli(startMs));
    for (int i = 0; i < s.options().instances(); i++) {
      instances.add(new SimInstance(vertx, redis, catalog, clock, s, allocation));
    }
  }

  /** Runs the flight (campaign ids unique to this run) and returns each campaign's series. */
  Map<String, CampaignSeries> run(SimTraffic traffic) {
    int flight = traffic.slots();
    int slots = flight + s.tailSlots();
    publish(traffic.campaigns(startMs));
    for (Campaign c : published) {
      series.put(c.id(), new CampaignSeries(c, flight, slots));
    }
    caps = new CapAudit(published);
    plays = new PlayReporter(instances, pending, series, caps);
    long period = s.refreshMs();
    int periods = (int) ((s.slotMs() + period - 1) / period);
    for (int slot = 0; slot < slots; slot++) {
      long slotStart = startMs + slot * s.slotMs();
      for (int p = 0; p < periods; p++) {
        long from = slotStart + p * period;
        long to = Math.min(from + period, slotStart + s.slotMs());
        clock.set(from);
        publish(traffic.campaigns(from));
        plays.deliverDue(clock.millis());
        refreshAll(i -> i.refresh(from));
        List<SimTraffic.Arrival> arrivals =
            slot < flight ? traffic.arrivals(slot, p, periods, from, to) : List.of();
        int waves = Math.max(1, (arrivals.size() + s.wave() - 1) / s.wave());
        for (int w = 0; w < waves; w++) {
          long at = from + w * (to - from) / waves;
          clock.set(at);
          plays.deliverDue(at);
          refreshAll(i -> i.refreshIfDry(at));
          List<SimTraffic.Arrival> wave =
              arrivals.subList(w * s.wave(), Math.min(arrivals.size(), (w + 1) * s.wave()));
          score(wave, "e" + slot + "-" + p + "-" + w + "-", slot);
        }
      }
      record(slot, slotStart + s.slotMs());
    }
    while (!pending.isEmpty()) {
      clock.set(Math.max(clock.millis(), pending.nextDueMs()));
      plays.deliverDue(clock.millis());
    }
    RedisLink link = instances.get(0).link();
    for (CampaignSeries cs : series.values()) {
      Response r =
          Await.result(
              link.send(
                  RedisCall.on(Command.HGET, Keys.pacing(cs.campaign.id())).arg("delivered")));
      cs.redisDelivered = r == null ? 0 : r.toLong();
      cs.capViolations = caps.violations(cs.campaign.id());
    }
    return series;
  }

  /** Runs a refresh on every instance, side by side, and waits for them all. */
  private void refreshAll(Function<SimInstance, Future<Void>> refresh) {
    List<Future<Void>> refreshes = new ArrayList<>();
    instances.forEach(i -> refreshes.add(refresh.apply(i)));
    Await.result(Future.all(refreshes));
  }

  /** Publishes a changed config as a new catalog, as the catalog refresher would. */
  private void publish(List<Campaign> campaigns) {
    if (campaigns != published) {
      published = campaigns;
      catalog.replace(new LiveCatalog.View(CampaignIndex.of(campaigns), version++, snapshot, true));
    }
  }

  /** Scores one wave; tallies eligible candidates and promotions, and queues the plays. */
  private void score(List<SimTraffic.Arrival> wave, String idPrefix, int slot) {
    List<ScoreExchange> exchanges = new ArrayList<>(wave.size());
    List<Future<Void>> runs = new ArrayList<>(wave.size());
    for (SimTraffic.Arrival a : wave) {
      ScoreExchange ex = new ScoreExchange(a.request(), new HopTimings(System.nanoTime()));
      exchanges.add(ex);
      runs.add(instances.get(a.instance()).pipeline.run(ex));
    }
    Await.result(Future.all(runs));
    Map<String, Integer> promoted = new HashMap<>();
    long now = clock.millis();
    for (int r = 0; r < exchanges.size(); r++) {
      ScoreExchange ex = exchanges.get(r);
      Set<String> seen = new HashSet<>();
      for (int i = 0; i < ex.size(); i++) {
        Reason reason = ex.decision(i).reason();
        CampaignSeries cs =
            ex.decision(i).campaign() == null ? null : series.get(ex.decision(i).campaign());
        String track = ex.request().candidates().get(i);
        if (cs == null || !seen.add(track)) {
          continue;
        }
        if (reason == Reason.PACED || reason == Reason.SLOT_LIMIT || reason == Reason.PROMOTED) {
          cs.eligible[slot]++;
        }
        cs.slotLimited += reason == Reason.SLOT_LIMIT ? 1 : 0;
        if (reason != Reason.PROMOTED) {
          continue;
        }
        cs.promotions[slot]++;
        cs.promotedScore += ex.decision(i).score();
        promoted.merge(cs.campaign.id(), 1, Integer::sum);
        String id = idPrefix + r + "-" + i;
        SplittableRandom draw = new SplittableRandom(s.seed() ^ id.hashCode());
        if (draw.nextDouble() < s.playRate()) {
          long lag =
              s.options().deliveryLagMs() == 0 ? 0 : draw.nextLong(s.options().deliveryLagMs() + 1);
          DeliveryEvent e =
              new DeliveryEvent(
                  id,
                  ex.request().user(),
                  track,
                  cs.campaign.id(),
                  "autoplay",
                  Instant.ofEpochMilli(now + lag));
          pending.add(new PendingPlays.Play(e, wave.get(r).instance()));
        }
      }
    }
    promoted.forEach(
        (c, n) ->
            series.get(c).maxInFlight =
                Math.max(series.get(c).maxInFlight, n + pending.inFlight(c)));
    plays.deliverDue(now);
  }

  /**
   * The slot's end: delivered so far against the plan the controller holds (read as the admin API
   * reads it).
   */
  private void record(int slot, long slotEnd) {
    List<String> ids = new ArrayList<>(series.keySet());
    PacingRecord[] records = Await.result(instances.get(0).pacing.read(ids));
    Map<String, Campaign> now = new HashMap<>();
    published.forEach(c -> now.put(c.id(), c));
    for (int i = 0; i < ids.size(); i++) {
      CampaignSeries cs = series.get(ids.get(i));
      Campaign c = now.getOrDefault(ids.get(i), cs.campaign);
      PacingRecord r = records[i];
      cs.campaign = c;
      cs.delivered[slot] = cs.total;
      cs.planned[slot] =
          PacingPlan.planned(
              PacingPlan.Shape.of(c), c.budget(), r.base, r.baseMs, r.frozen, slotEnd);
      cs.gap[slot] = c.budget() == 0 ? 0 : Math.abs(cs.total - cs.planned[slot]) / c.budget();
      cs.passRate[slot] = Double.isNaN(r.passRate) ? 0 : r.passRate;
    }
  }

  @Override
  public void close() {
    instances.forEach(SimInstance::close);
  }
}
