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
import java.util.List;

/**
 * The scoring path: in-memory gates, then one stage of pipelined lookups (snapshot scores for the
 * candidates still in play, the listener's frequency counters), then the remaining gates against
 * the instance's in-memory pacing view and the surface's guardrails (a held-out listener's
 * candidates answer {@code holdout} instead, their would-be decisions kept), and slot allocation by
 * the surface's policy, then the held-out candidates' would-be allocation. Never a round trip per
 * candidate, never a command per campaign: what the gates and the allocation need of a campaign
 * (its pacer, the listener's count and admission draw, the engagement hold, the holdout, the pass
 * rate, its urgency) is worked out once per distinct campaign of the request; the inputs the
 * exposure log records are kept only when it is on.
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
  private final Holdouts holdouts;
  private final boolean keepInputs;

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
    this(
        catalog,
        scores,
        pacing,
        slotMs,
        frequency,
        clock,
        observer,
        allocation,
        Holdouts.NONE,
        false);
  }

  /**
   * The pipeline over one instance's stores and pacing view, with holdouts and, when the exposure
   * log is on, each decision's inputs kept for it.
   *
   * @param allocation each surface's policy and guardrails
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
      AllocationRules allocation,
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
    // creation times are wall-clock instants, whatever clock drives pacing
    ArmAssignment.assign(ex, view, System.currentTimeMillis());

    Lookups lookups = new Lookups(ex.size());
    List<String> candidates = req.candidates();
    Campaign[] enrolled = view.campaigns().forTracks(candidates);
    for (int i = 0; i < ex.size(); i++) {
      Campaign c = enrolled[i];
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
        lookups.add(i, candidates.get(i), k); // the id's string only for a track in play
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
    ScoreEntry.Segment segment = ScoreEntry.segment(req.segment());
    for (int t = 0; t < base.length; t++) {
      base[t] = entries[t] == null ? Double.NaN : entries[t].scoreFor(segment);
    }
    int met = lookups.campaigns();
    CampaignPacer[] pacers = new CampaignPacer[met];
    long[] userCounts = new long[met];
    double[] admission = new double[met];
    boolean[] held = new boolean[met];
    int[] promotedOf = new int[met];
    // the pass rate read once per campaign, so explain and the exposure log agree
    double[] passRates = keepInputs || req.explain() ? new double[met] : null;
    boolean surfaceHeld = holdouts.holdsSurface(req);
    HoldoutScope[] heldOut = null;
    for (int k = 0; k < met; k++) {
      if (lookups.inPlay(k)) {
        Campaign c = lookups.campaignOf(k);
        String id = c.id();
        pacers[k] = pacing.pacer(id);
        int capAt = lookups.cappedAt(k);
        userCounts[k] = capAt < 0 ? 0 : counts[capAt];
        admission[k] = AdmissionHash.unit(user, id, slot);
        CampaignPacer p = pacers[k];
        held[k] = Guardrails.heldBack(user, id, slot, rules, p.plays(), p.skips());
        if (passRates != null) {
          passRates[k] = p.passRate();
        }
        HoldoutScope h = Holdouts.of(surfaceHeld, user, c);
        if (h != null) {
          if (heldOut == null) {
            heldOut = new HoldoutScope[met];
          }
          heldOut[k] = h;
        }
      }
    }
    DecisionInputs inputs = null;
    if (keepInputs) {
      inputs = ex.keptInputs();
      inputs.keep();
    }
    int promoted = 0;
    for (int j = 0; j < lookups.size; j++) {
      int i = lookups.positions[j];
      int k = lookups.campaignAt[j];
      Campaign c = lookups.campaignOf(k);
      double b = base[lookups.trackAt[j]];
      CampaignPacer pacer = pacers[k];
      long userCount = userCounts[k];
      HoldoutScope holdout = heldOut == null ? null : heldOut[k];
      Reason r;
      if (holdout == null) {
        r = Gates.afterLookup(c, b, pacer, userCount, admission[k], floor, held[k]);
      } else {
        // never promoted; what it would have been is recorded (a ghost exposure when promoted)
        r = Reason.HOLDOUT;
        Reason wouldBe = Gates.wouldBe(c, b, pacer, userCount, admission[k], floor, held[k]);
        ex.keptInputs()
            .heldOut(i, holdout, wouldBe, wouldBe == Reason.PROMOTED ? b * c.boost() : 0);
      }
      if (inputs != null) {
        inputs.looked(i, b, passRates[k]);
      }
      double score = 0;
      if (r == Reason.PROMOTED) {
        score = b * c.boost();
        promotedOf[k]++;
        promoted++;
      }
      Decision.Explain why =
          req.explain() ? Explanations.of(c, b, pacer, passRates[k], userCount, rules) : null;
      ex.decide(i, c, new Decision(r, score, c.id(), why));
    }
    if (overAllowance(lookups, promotedOf, userCounts)) {
      capWithinAnswer(ex, lookups, remaining(lookups, userCounts), pacing);
    }
    if (AnswerAllocation.needed(req, rules, lookups, promotedOf, promoted)) {
      AnswerAllocation.allocate(ex, lookups, pacers, rules);
    }
    if (ex.inputs().anyHeldOut()) {
      // after the answer's own contest: the ghosts meet the promotions that stayed
      GhostAllocation.settle(ex, lookups, pacers, rules, remaining(lookups, userCounts));
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

  /**
   * By campaign index, the deliveries the listener may still receive ({@link
   * FrequencyCapAllocator#UNCAPPED} for a campaign without a cap, or not in play).
   */
  private static long[] remaining(Lookups lookups, long[] userCounts) {
    long[] remaining = new long[lookups.campaigns()];
    for (int k = 0; k < remaining.length; k++) {
      remaining[k] =
          lookups.cappedAt(k) >= 0
              ? lookups.campaignOf(k).frequencyCap().max() - userCounts[k]
              : FrequencyCapAllocator.UNCAPPED;
    }
    return remaining;
  }

  /** One answer may not promote more of a campaign than the listener's remaining allowance. */
  private static void capWithinAnswer(
      ScoreExchange ex, Lookups lookups, long[] remaining, PacingView pacing) {
    int n = lookups.size;
    boolean[] promoted = new boolean[n];
    double[] score = new double[n];
    for (int j = 0; j < n; j++) {
      Decision d = ex.decision(lookups.positions[j]);
      promoted[j] = d.promoted();
      score[j] = d.score();
    }
    boolean[] capped = lookups.frequencyCapped(promoted, score, remaining);
    for (int j = 0; j < n; j++) {
      if (capped[j]) {
        int i = lookups.positions[j];
        Decision d = ex.decision(i);
        pacing.pacer(d.campaign()).release();
        ex.decide(
            i, ex.campaign(i), new Decision(Reason.FREQUENCY_CAPPED, 0, d.campaign(), d.explain()));
      }
    }
  }
}
