package io.scoregateway.pipeline;

import io.scoregateway.allocate.FrequencyCapAllocator;
import io.scoregateway.allocate.SlotAllocator;
import io.scoregateway.catalog.LiveCatalog;
import io.scoregateway.model.Campaign;
import io.scoregateway.model.Decision;
import io.scoregateway.model.Reason;
import io.scoregateway.model.ScoreRequest;
import io.scoregateway.pacing.CampaignPacer;
import io.scoregateway.pacing.PacingView;
import io.scoregateway.store.FrequencyStore;
import io.scoregateway.store.ScoreEntry;
import io.scoregateway.store.ScoreStore;
import io.vertx.core.Future;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The scoring path: in-memory gates, then one stage of pipelined lookups (snapshot scores for the
 * candidates still in play, the listener's frequency counters), then the remaining gates against
 * the instance's in-memory pacing view, and slot allocation. Never a round trip per candidate,
 * never a command per campaign.
 */
public final class ScorePipeline {
  private final LiveCatalog catalog;
  private final ScoreStore scores;
  private final PacingView pacing;
  private final long slotMs;
  private final FrequencyStore frequency;
  private final Clock clock;
  private final ExchangeObserver observer;
  private final Holdouts holdouts;
  private final boolean keepInputs;

  public ScorePipeline(
      LiveCatalog catalog,
      ScoreStore scores,
      PacingView pacing,
      long slotMs,
      FrequencyStore frequency,
      Clock clock,
      ExchangeObserver observer) {
    this(catalog, scores, pacing, slotMs, frequency, clock, observer, Holdouts.NONE, false);
  }

  /**
   * @param holdouts the surfaces' holdouts (campaigns carry their own)
   * @param keepInputs keep each decision's base score and pass rate (for the exposure log)
   */
  public ScorePipeline(
      LiveCatalog catalog,
      ScoreStore scores,
      PacingView pacing,
      long slotMs,
      FrequencyStore frequency,
      Clock clock,
      ExchangeObserver observer,
      Holdouts holdouts,
      boolean keepInputs) {
    this.holdouts = holdouts;
    this.keepInputs = keepInputs;
    this.catalog = catalog;
    this.scores = scores;
    this.pacing = pacing;
    this.slotMs = slotMs;
    this.frequency = frequency;
    this.clock = clock;
    this.observer = observer;
  }

  /** Resolves every decision it can; the caller closes the exchange (deadline or completion). */
  public Future<Void> run(ScoreExchange ex) {
    long t0 = System.nanoTime();
    LiveCatalog.View view = catalog.view();
    ScoreRequest req = ex.request();
    long now = clock.millis();
    if (!view.loaded()) {
      // which tracks are enrolled is unknown: every candidate is degraded, none "not enrolled"
      return Future.succeededFuture();
    }
    ArmAssignment.assign(ex, view);
    if (keepInputs) {
      ex.inputs().keep();
    }

    Lookups lookups = new Lookups();
    for (int i = 0; i < ex.size(); i++) {
      String track = req.candidates().get(i);
      Campaign c = view.campaigns().forTrack(track);
      Reason early = Gates.beforeLookup(c, req, now);
      if (early == Reason.NOT_ENROLLED && !req.explain()) {
        ex.decide(i, null, Decision.NOT_ENROLLED);
      } else if (early != null) {
        ex.decide(i, c, new Decision(early, 0, c == null ? null : c.id(), explainOf(req, c)));
      } else {
        ex.decide(i, c, null);
        lookups.add(i, track, c);
      }
    }
    ex.timings().gates(System.nanoTime() - t0);
    ex.progress();
    if (lookups.positions.isEmpty()) {
      ex.allocated();
      return Future.succeededFuture();
    }

    long t1 = System.nanoTime();
    List<String> tracks = new ArrayList<>(lookups.tracks.keySet());
    List<Campaign> campaigns = new ArrayList<>(lookups.campaigns.values());
    List<Campaign> capped = new ArrayList<>();
    for (Campaign c : campaigns) {
      if (c.frequencyCap() != null) {
        capped.add(c);
      }
    }
    Future<ScoreEntry[]> s =
        ex.snapshot() == null
            ? Future.succeededFuture(new ScoreEntry[tracks.size()])
            : scores.scores(ex.snapshot(), tracks);
    Future<long[]> f = frequency.counts(req.user(), capped, now);
    return Future.all(s, f)
        .map(
            all -> {
              ex.timings().lookup(System.nanoTime() - t1);
              if (!ex.isClosed()) {
                observer.allocation(
                    ex,
                    lookups.positions.size(),
                    () -> decide(ex, lookups, s.result(), f.result(), capped, now));
              }
              return null;
            });
  }

  private void decide(
      ScoreExchange ex,
      Lookups lookups,
      ScoreEntry[] entries,
      long[] counts,
      List<Campaign> capped,
      long now) {
    long t2 = System.nanoTime();
    ScoreRequest req = ex.request();
    long slot = Math.floorDiv(now, slotMs);
    Map<String, Integer> cappedAt = new HashMap<>();
    for (Campaign c : capped) {
      cappedAt.put(c.id(), cappedAt.size());
    }
    Map<String, Long> remaining = new HashMap<>();
    Holdouts.Listener held = holdouts.of(req);
    for (int i : lookups.positions) {
      Campaign c = ex.campaign(i);
      String track = req.candidates().get(i);
      ScoreEntry entry = entries[lookups.tracks.get(track)];
      double base = entry == null ? Double.NaN : entry.scoreFor(req.segment());
      CampaignPacer pacer = pacing.pacer(c.id());
      Integer capAt = cappedAt.get(c.id());
      long userCount = capAt == null ? 0 : counts[capAt];
      HoldoutScope holdout = held.of(c);
      Reason r;
      if (holdout == null) {
        r = Gates.afterLookup(c, req.user(), base, pacer, userCount, slot);
      } else {
        // never promoted; what it would have been is recorded (a ghost exposure when promoted)
        r = Reason.HOLDOUT;
        Reason wouldBe = Gates.wouldBe(c, req.user(), base, pacer, userCount, slot);
        ex.inputs().heldOut(i, holdout, wouldBe, wouldBe == Reason.PROMOTED ? base * c.boost() : 0);
      }
      double passRate = pacer.passRate(); // one read: explain and the exposure log agree
      ex.inputs().looked(i, base, passRate);
      double score = r == Reason.PROMOTED ? base * c.boost() : 0;
      Decision.Explain why =
          req.explain()
              ? new Decision.Explain(
                  base, c.boost(), passRate, pacer.delivered(), pacer.planned(), userCount)
              : null;
      ex.decide(i, c, new Decision(r, score, c.id(), why));
      if (capAt != null) {
        remaining.put(c.id(), c.frequencyCap().max() - userCount);
      }
    }
    capWithinAnswer(ex, remaining, pacing);
    if (req.limitsSlots()) {
      allocate(ex, pacing);
    }
    GhostAllocation.settle(ex, remaining);
    ex.allocated();
    ex.timings().allocate(System.nanoTime() - t2);
    ex.progress();
  }

  /** One answer may not promote more of a campaign than the listener's remaining allowance. */
  private static void capWithinAnswer(
      ScoreExchange ex, Map<String, Long> remaining, PacingView pacing) {
    int n = ex.size();
    String[] campaigns = new String[n];
    boolean[] promoted = new boolean[n];
    double[] score = new double[n];
    for (int i = 0; i < n; i++) {
      Decision d = ex.decision(i);
      campaigns[i] = d.campaign();
      promoted[i] = d.promoted();
      score[i] = d.score();
    }
    boolean[] capped =
        FrequencyCapAllocator.capped(
            ex.request().candidates(), campaigns, promoted, score, remaining);
    for (int i = 0; i < n; i++) {
      if (capped[i]) {
        Decision d = ex.decision(i);
        pacing.pacer(d.campaign()).release();
        ex.decide(
            i, ex.campaign(i), new Decision(Reason.FREQUENCY_CAPPED, 0, d.campaign(), d.explain()));
      }
    }
  }

  private static void allocate(ScoreExchange ex, PacingView pacing) {
    int n = ex.size();
    boolean[] promoted = new boolean[n];
    double[] score = new double[n];
    for (int i = 0; i < n; i++) {
      Decision d = ex.decision(i);
      promoted[i] = d != null && d.promoted();
      score[i] = d == null ? 0 : d.score();
    }
    boolean[] lost =
        SlotAllocator.losers(
            ex.request().candidates(), promoted, score, ex.request().maxPromoted());
    for (int i = 0; i < n; i++) {
      if (lost[i]) {
        Decision d = ex.decision(i);
        pacing.pacer(d.campaign()).release();
        ex.decide(i, ex.campaign(i), new Decision(Reason.SLOT_LIMIT, 0, d.campaign(), d.explain()));
      }
    }
  }

  private static Decision.Explain explainOf(ScoreRequest req, Campaign c) {
    if (!req.explain()) {
      return null;
    }
    return new Decision.Explain(
        Double.NaN, c == null ? Double.NaN : c.boost(), Double.NaN, -1, Double.NaN, -1);
  }

  /** The distinct tracks and campaigns still in play, and where they sit in the request. */
  private static final class Lookups {
    final List<Integer> positions = new ArrayList<>();
    final Map<String, Integer> tracks = new LinkedHashMap<>();
    final Map<String, Campaign> campaigns = new LinkedHashMap<>();

    void add(int position, String track, Campaign c) {
      positions.add(position);
      tracks.putIfAbsent(track, tracks.size());
      campaigns.putIfAbsent(c.id(), c);
    }
  }
}
