package io.scoregateway.pacing;

import io.scoregateway.model.Campaign;
import io.scoregateway.model.CampaignStatus;
import io.scoregateway.model.PacingMode;
import io.scoregateway.model.Reason;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import java.util.SplittableRandom;
import java.util.function.LongFunction;

/**
 * A closed pacing loop in memory: instances with their {@link CampaignPacer}s, the controller on
 * one shared {@link PacingRecord} (what Redis holds), fresh listeners arriving at a demand rate,
 * and every promotion delivered after a random lag. Deterministic for a seed.
 */
final class PacingLoop {
  static final long TICK_MS = 10;

  final long slotMs;
  final long refreshMs;
  long settleMs;
  final PacingRecord record = new PacingRecord();
  final List<CampaignPacer> instances = new ArrayList<>();
  final SplittableRandom rnd;
  final PriorityQueue<long[]> pending = new PriorityQueue<>((a, b) -> Long.compare(a[0], b[0]));
  long maxLagMs;

  /** Share of promotions that are played (delivered). */
  double playRate = 1;

  /** Share of admitted candidates that a later gate (max_promoted) takes back. */
  double lossRate;

  long promotions;
  long eligible;
  long pacedCount;
  double worstGap;

  /** The worst gap, signed (delivered ahead of the plan: positive), and when in the flight. */
  String worst = "";

  /** From this time on, the signed gaps are averaged ({@link #meanGap}). */
  long meanGapFromMs = Long.MAX_VALUE;

  private double gapSum;
  private long gapCount;

  long users;

  PacingLoop(int instanceCount, long slotMs, long seed) {
    this.slotMs = slotMs;
    this.refreshMs = Math.max(100, Math.min(5_000, slotMs / 4));
    this.settleMs = 10_000;
    this.rnd = new SplittableRandom(seed);
    for (int i = 0; i < instanceCount; i++) {
      instances.add(new CampaignPacer("c"));
    }
  }

  static Campaign campaign(
      long startMs, long endMs, long budget, PacingMode mode, CampaignStatus status) {
    return new Campaign(
        "c",
        List.of("t"),
        null,
        null,
        Instant.ofEpochMilli(startMs),
        Instant.ofEpochMilli(endMs),
        budget,
        mode,
        null,
        1.0,
        status);
  }

  /**
   * Runs from {@code fromMs} to {@code toMs}: {@code config} gives the campaign at a time, {@code
   * demandPerSec} the eligible attempts per second at a time. Returns the record.
   */
  PacingRecord run(
      long fromMs, long toMs, LongFunction<Campaign> config, LongFunction<Double> demandPerSec) {
    int settle = PacingController.settleSteps(settleMs, slotMs);
    double carry = 0;
    for (long now = fromMs; now < toMs; now += TICK_MS) {
      Campaign c = config.apply(now);
      if (now % refreshMs == 0 || now == fromMs) {
        for (CampaignPacer p : instances) {
          if (p.due(Math.floorDiv(now, slotMs), c)) {
            CampaignPacer.PacingReport r = p.report(now, slotMs, c);
            PacingController.Config cfg =
                new PacingController.Config(
                    PacingPlan.Shape.of(c),
                    c.budget(),
                    c.status() == CampaignStatus.PAUSED,
                    PacingRevision.of(c));
            p.apply(
                PacingController.call(
                    record,
                    cfg,
                    new PacingController.Report(
                        r.attempts(), r.promoted(), r.ratePerSec(), r.returned()),
                    now,
                    slotMs,
                    settle));
          }
        }
      }
      while (!pending.isEmpty() && pending.peek()[0] <= now) {
        pending.poll();
        record.delivered++;
      }
      boolean live = c.status() == CampaignStatus.ACTIVE && c.inFlight(now);
      carry += demandPerSec.apply(now) * TICK_MS / 1000.0;
      long arrivals = (long) carry;
      carry -= arrivals;
      for (long a = 0; a < arrivals && live; a++) {
        CampaignPacer p = instances.get((int) (users % instances.size()));
        String user = "u" + users++;
        eligible++;
        if (p.exhausted()) {
          p.exhaustedAttempt();
        } else if (p.admit(user, Math.floorDiv(now, slotMs)) == Reason.PROMOTED) {
          if (lossRate > 0 && rnd.nextDouble() < lossRate) {
            p.release();
            continue;
          }
          promotions++;
          long lag = maxLagMs == 0 ? 0 : rnd.nextLong(maxLagMs + 1);
          if (playRate >= 1 || rnd.nextDouble() < playRate) {
            pending.add(new long[] {now + lag});
          }
        } else {
          pacedCount++;
        }
      }
      if (live) {
        double planned =
            PacingPlan.planned(
                PacingPlan.Shape.of(c), c.budget(), record.base, record.baseMs, record.frozen, now);
        double gap = (record.delivered - planned) / c.budget();
        if (Math.abs(gap) > worstGap) {
          worstGap = Math.abs(gap);
          worst = String.format("%+.3f at %d ms", gap, now - c.start().toEpochMilli());
        }
        if (now >= meanGapFromMs) {
          gapSum += gap;
          gapCount++;
        }
      }
    }
    return record;
  }

  /** Mean of (delivered - planned) / budget since {@link #meanGapFromMs}, while in flight. */
  double meanGap() {
    return gapCount == 0 ? Double.NaN : gapSum / gapCount;
  }

  /** Lets the deliveries still in flight arrive. */
  void drain() {
    record.delivered += pending.size();
    pending.clear();
  }
}
