package io.scoregateway.pipeline;

import io.scoregateway.allocate.AllocationRules;
import io.scoregateway.allocate.FrequencyCapAllocator;
import io.scoregateway.allocate.Guardrails;
import io.scoregateway.allocate.SurfaceRules;
import io.scoregateway.catalog.LiveCatalog;
import io.scoregateway.model.Campaign;
import io.scoregateway.model.Decision;
import io.scoregateway.model.Reason;
import io.scoregateway.model.ScoreRequest;
import io.scoregateway.pacing.AdmissionHash;
import io.scoregateway.pacing.CampaignPacer;
import io.scoregateway.pacing.PacingView;
import io.scoregateway.store.FrequencyStore;
import io.scoregateway.store.ScoreEntry;
import io.scoregateway.store.ScoreStore;
import io.vertx.core.Future;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The scoring path: in-memory gates, then one stage of pipelined lookups (snapshot scores for the
 * candidates still in play, the listener's frequency counters), then the remaining gates against
 * the instance's in-memory pacing view and the surface's guardrails, and slot allocation by the
 * surface's policy. Never a round trip per candidate, never a command per campaign: what the gates
 * and the allocation need of a campaign (its pacer, the listener's count and admission draw, the
 * engagement hold, its urgency) is worked out once per distinct campaign of the request.
 */
public final class ScorePipeline {
  private final LiveCatalog catalog;
  private final ScoreStore scores;
  private final PacingView pacing;
  private final long slotMs;
  private final FrequencyStore frequency;
  private final Clock clock;
  private final ExchangeObserver observer;
  private final AllocationRules allocation;

  /**
   * The pipeline over one instance's stores and pacing view.
   *
   * @param allocation each surface's policy and guardrails
   */
  public ScorePipeline(
      LiveCatalog catalog,
      ScoreStore scores,
      PacingView pacing,
      long slotMs,
      FrequencyStore frequency,
      Clock clock,
      ExchangeObserver observer,
      AllocationRules allocation) {
    this.catalog = catalog;
    this.scores = scores;
    this.pacing = pacing;
    this.slotMs = slotMs;
    this.frequency = frequency;
    this.clock = clock;
    this.observer = observer;
    this.allocation = allocation;
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
    ex.snapshot(view.snapshot());

    Lookups lookups = new Lookups(ex.size());
    List<String> candidates = req.candidates();
    for (int i = 0; i < ex.size(); i++) {
      String track = candidates.get(i);
      Campaign c = view.campaigns().forTrack(track);
      if (c == null) {
        ex.decide(
            i,
            null,
            req.explain()
                ? new Decision(Reason.NOT_ENROLLED, 0, null, Lookups.explainOf(req, null))
                : Decision.NOT_ENROLLED);
        continue;
      }
      int k = lookups.campaign(c, req, now);
      Decision early = lookups.early(k);
      ex.decide(i, c, early);
      if (early == null) {
        lookups.add(i, track, k);
      }
    }
    ex.timings().gates(System.nanoTime() - t0);
    ex.progress();
    if (lookups.size == 0) {
      ex.allocated();
      return Future.succeededFuture();
    }

    long t1 = System.nanoTime();
    List<String> tracks = lookups.tracks;
    List<Campaign> capped = lookups.capped;
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
                    ex, lookups.size, () -> decide(ex, lookups, s.result(), f.result(), now));
              }
              return null;
            });
  }

  private void decide(
      ScoreExchange ex, Lookups lookups, ScoreEntry[] entries, long[] counts, long now) {
    long t2 = System.nanoTime();
    ScoreRequest req = ex.request();
    long slot = Math.floorDiv(now, slotMs);
    String user = req.user();
    SurfaceRules rules = allocation.forSurface(req.surface());
    double floor = rules.floor();
    // per distinct track and campaign once: the base score, the pacer, the listener's count
    double[] base = new double[lookups.tracks.size()];
    for (int t = 0; t < base.length; t++) {
      base[t] = entries[t] == null ? Double.NaN : entries[t].scoreFor(req.segment());
    }
    int met = lookups.campaigns();
    CampaignPacer[] pacers = new CampaignPacer[met];
    long[] userCounts = new long[met];
    double[] admission = new double[met];
    boolean[] held = new boolean[met];
    int[] promotedOf = new int[met];
    for (int k = 0; k < met; k++) {
      if (lookups.inPlay(k)) {
        String id = lookups.campaignOf(k).id();
        pacers[k] = pacing.pacer(id);
        int capAt = lookups.cappedAt(k);
        userCounts[k] = capAt < 0 ? 0 : counts[capAt];
        admission[k] = AdmissionHash.unit(user, id, slot);
        CampaignPacer p = pacers[k];
        held[k] = Guardrails.heldBack(user, id, slot, rules, p.plays(), p.skips());
      }
    }
    int promoted = 0;
    for (int j = 0; j < lookups.size; j++) {
      int i = lookups.positions[j];
      int k = lookups.campaignAt[j];
      Campaign c = lookups.campaignOf(k);
      double b = base[lookups.trackAt[j]];
      CampaignPacer pacer = pacers[k];
      long userCount = userCounts[k];
      Reason r = Gates.afterLookup(c, b, pacer, userCount, admission[k], floor, held[k]);
      double score = 0;
      if (r == Reason.PROMOTED) {
        score = b * c.boost();
        promotedOf[k]++;
        promoted++;
      }
      Decision.Explain why = req.explain() ? Explanations.of(c, b, pacer, userCount, rules) : null;
      ex.decide(i, c, new Decision(r, score, c.id(), why));
    }
    if (overAllowance(lookups, promotedOf, userCounts)) {
      capWithinAnswer(ex, remaining(lookups, userCounts), pacing);
    }
    if (AnswerAllocation.needed(req, rules, lookups, promotedOf, promoted)) {
      AnswerAllocation.allocate(ex, lookups, pacers, rules);
    }
    ex.allocated();
    ex.timings().allocate(System.nanoTime() - t2);
    ex.progress();
  }

  /**
   * True when some capped campaign has more promoted positions than the listener's remaining
   * allowance: otherwise the in-answer cap changes nothing.
   */
  private static boolean overAllowance(Lookups lookups, int[] promotedOf, long[] userCounts) {
    for (int k = 0; k < lookups.campaigns(); k++) {
      Campaign c = lookups.campaignOf(k);
      if (lookups.cappedAt(k) >= 0 && promotedOf[k] > c.frequencyCap().max() - userCounts[k]) {
        return true;
      }
    }
    return false;
  }

  /** Per capped campaign in play, the deliveries the listener may still receive. */
  private static Map<String, Long> remaining(Lookups lookups, long[] userCounts) {
    Map<String, Long> remaining = new HashMap<>();
    for (int k = 0; k < lookups.campaigns(); k++) {
      if (lookups.cappedAt(k) >= 0) {
        Campaign c = lookups.campaignOf(k);
        remaining.put(c.id(), c.frequencyCap().max() - userCounts[k]);
      }
    }
    return remaining;
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
}
