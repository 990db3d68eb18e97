package io.scoregateway.pipeline;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.Tracer;
import io.scoregateway.allocate.AllocationRules;
import io.scoregateway.allocate.FrequencyCapAllocator;
import io.scoregateway.allocate.SurfaceRules;
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
import io.scoregateway.telemetry.Spans;
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
 * the instance's in-memory pacing view and the surface's guardrails, and slot allocation by the
 * surface's policy. Never a round trip per candidate, never a command per campaign.
 */
public final class ScorePipeline {
  private final LiveCatalog catalog;
  private final ScoreStore scores;
  private final PacingView pacing;
  private final long slotMs;
  private final FrequencyStore frequency;
  private final Clock clock;
  private final Tracer tracer;
  private final AllocationRules allocation;

  /**
   * @param allocation each surface's policy and guardrails
   */
  public ScorePipeline(
      LiveCatalog catalog,
      ScoreStore scores,
      PacingView pacing,
      long slotMs,
      FrequencyStore frequency,
      Clock clock,
      Tracer tracer,
      AllocationRules allocation) {
    this.allocation = allocation;
    this.catalog = catalog;
    this.scores = scores;
    this.pacing = pacing;
    this.slotMs = slotMs;
    this.frequency = frequency;
    this.clock = clock;
    this.tracer = tracer;
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
                Span span = Spans.child(tracer, "allocation");
                decide(ex, lookups, s.result(), f.result(), capped, now);
                if (span.isRecording()) {
                  span.setAttribute("gateway.batch.candidates", ex.size())
                      .setAttribute("gateway.decisions.looked_up", lookups.positions.size())
                      .setAttribute("gateway.decisions.promoted", promotedCount(ex))
                      .end();
                }
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
    SurfaceRules rules = allocation.forSurface(req.surface());
    Map<String, Integer> cappedAt = new HashMap<>();
    for (Campaign c : capped) {
      cappedAt.put(c.id(), cappedAt.size());
    }
    Map<String, Long> remaining = new HashMap<>();
    for (int i : lookups.positions) {
      Campaign c = ex.campaign(i);
      String track = req.candidates().get(i);
      ScoreEntry entry = entries[lookups.tracks.get(track)];
      double base = entry == null ? Double.NaN : entry.scoreFor(req.segment());
      CampaignPacer pacer = pacing.pacer(c.id());
      Integer capAt = cappedAt.get(c.id());
      long userCount = capAt == null ? 0 : counts[capAt];
      Reason r = Gates.afterLookup(c, req.user(), base, pacer, userCount, slot, rules);
      double score = r == Reason.PROMOTED ? base * c.boost() : 0;
      Decision.Explain why =
          req.explain() ? Explanations.of(c, base, pacer, userCount, rules) : null;
      ex.decide(i, c, new Decision(r, score, c.id(), why));
      if (capAt != null) {
        remaining.put(c.id(), c.frequencyCap().max() - userCount);
      }
    }
    capWithinAnswer(ex, remaining, pacing);
    if (AnswerAllocation.needed(ex, rules)) {
      AnswerAllocation.allocate(ex, pacing, rules);
    }
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

  private static int promotedCount(ScoreExchange ex) {
    int n = 0;
    for (int i = 0; i < ex.size(); i++) {
      n += ex.decision(i).promoted() ? 1 : 0;
    }
    return n;
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
