package io.scoregateway.pacing;

import io.scoregateway.model.PacingMode;

/**
 * The pacing controller, the same math as pacing_refresh.lua (tested with the same inputs). Each
 * call takes one instance's report (eligible attempts and promotions since its last report, and its
 * attempt rate, which sizes its lease to its share of the slot), runs the slot step when a slot
 * begins (or the config changed, or a fresh campaign has seen a quarter slot of demand), and grants
 * a lease of promotions.
 *
 * <p>The step: expected deliveries {@code E = max(delivered, rho * promoted)} count promotions in
 * flight, with {@code rho} the share of settled promotions that were delivered. The slot may lease
 * {@code allow = (planned(slot end + L) - E) / rho} promotions, at most {@link #CATCH_UP} times the
 * slot's share of the plan and never more than the budget left; {@code L} is the plays' lag behind
 * their promotions ({@link #lagMs}), so that plays, not promotions, land on the plan. The pass rate
 * aims the measured demand at that allowance, starting at {@link #P_INIT} without a demand estimate
 * and rising at most {@link #RAMP}-fold a step. Leases never exceed the allowance nor the budget
 * left after the leases still outstanding, so a bad estimate or a traffic jump cannot spend the
 * budget.
 */
public final class PacingController {
  /** Pass rate of a campaign with no demand estimate yet. */
  public static final double P_INIT = 0.05;

  /** Largest rise of the pass rate in one step. */
  public static final double RAMP = 4;

  /** A slot behind plan may lease at most this many times its share. */
  public static final double CATCH_UP = 2;

  /** The pass rate aims this much above the allowance: the lease trims the excess. */
  public static final double HEADROOM = 1.2;

  /** A lease covers this much more than the instance's expected share of the allowance. */
  public static final double LEASE_MARGIN = 1.05;

  /**
   * The smallest lease granted (when the slot has that much left): a campaign asked for now and
   * then still promotes two of its tracks in one answer. A lease this small outlives its slot on an
   * idle instance instead of being given back and renewed every slot: the over-delivery it risks.
   */
  public static final long MIN_LEASE = 2;

  /** Weight of the newest demand observation. */
  public static final double SMOOTHING = 0.6;

  /**
   * The delivery ratio's prior, in promotions that all delivered, while none has settled: the
   * estimate starts at 1 and moves with the first settled promotion. The prior's weight shrinks as
   * settled promotions grow ({@code RHO_PRIOR² / (settled + RHO_PRIOR)}), so early the estimate
   * errs high (conservative) by at most about one delivery, and by the flight's end by none.
   */
  public static final long RHO_PRIOR = 4;

  public static final double RHO_MIN = 0.05;

  /** How late a play may follow its promotion, by default (--pacing-settle-ms). */
  public static final long DEFAULT_SETTLE_MS = 10_000;

  private PacingController() {}

  /** Controller steps after which a promotion has delivered or never will. */
  public static int settleSteps(long settleMs, long slotMs) {
    return (int) Math.max(1, Math.min(32, (settleMs + slotMs - 1) / slotMs));
  }

  /** The campaign as the controller sees it; {@code revision} changes with any of the rest. */
  public record Config(PacingPlan.Shape shape, long budget, boolean paused, String revision) {}

  /**
   * What one instance reports: eligible attempts and promotions since its last report, its rate of
   * eligible attempts per second (negative: not known yet), which sizes its lease, and the unused
   * lease it gave up (a lease ends with its slot or its config).
   */
  public record Report(long attempts, long promoted, double ratePerSec, long returned) {}

  /**
   * The answer: pass rate and slot, the lease granted, the numbers explain shows, whether the slot
   * has nothing left to lease (asking again before the next slot is pointless), and the rated plays
   * and skips in the engagement window.
   */
  public record Lease(
      double passRate,
      long slot,
      long grant,
      boolean exhausted,
      long delivered,
      double planned,
      double committed,
      boolean slotSpent,
      long plays,
      long skips) {}

  /** Applies one call to {@code r} (mutated, as the script writes its hash) and answers it. */
  public static Lease call(
      PacingRecord r, Config c, Report in, long nowMs, long slotMs, int settleSteps) {
    r.attempts += in.attempts();
    r.promoted += in.promoted();
    r.granted = Math.max(0, r.granted - in.returned());
    boolean force = revise(r, c, nowMs, settleSteps);
    long k = Math.floorDiv(nowMs, slotMs);
    boolean newSlot = r.slot < 0 || k > r.slot;
    boolean early = Double.isNaN(r.demand) && r.stepMs >= 0 && nowMs - r.stepMs >= slotMs / 4;
    if (newSlot || force || early) {
      step(r, c, nowMs, slotMs, k, newSlot, settleSteps);
    }
    double rho = rho(r, settleSteps);
    double committed = Math.max((double) r.delivered, rho * r.promoted);
    long outstanding = Math.max(0, r.granted - (r.promoted - r.promotedMark));
    long room = (long) Math.floor((c.budget() - committed) / rho) - outstanding;
    long want;
    if (in.ratePerSec() < 0) {
      want = Math.max(MIN_LEASE, (long) Math.ceil((r.allow - r.granted) / 4.0));
    } else {
      double left = (Math.floorDiv(nowMs, slotMs) + 1) * slotMs - nowMs;
      // the instance's expected admissions, scaled to its share of the allowance (more than it
      // admits when the demand is below the allowance and the pass rate is clipped at 1)
      double share =
          r.demand > 0 && r.passRate > 0 ? r.allow / (r.passRate * r.demand) : 1 / HEADROOM;
      share = Math.max(1 / HEADROOM, Math.min(2, share));
      want =
          Math.max(
              MIN_LEASE,
              (long) Math.ceil(in.ratePerSec() * r.passRate * left / 1000 * share * LEASE_MARGIN)
                  + 1);
    }
    long grant = Math.max(0, Math.min(want, Math.min(r.allow - r.granted, room)));
    r.granted += grant;
    double planned = planned(r, c, nowMs);
    boolean spent = r.allow - r.granted <= 0 || room - grant <= 0;
    EngagementWindow.Counts e =
        EngagementWindow.sum(r.engagement, EngagementWindow.bucket(nowMs, slotMs));
    return new Lease(
        r.passRate,
        r.slot,
        grant,
        committed >= c.budget(),
        r.delivered,
        planned,
        committed,
        spent,
        e.plays(),
        e.skips());
  }

  /** Records a config change; true when it re-plans (the step then runs at once). */
  static boolean revise(PacingRecord r, Config c, long nowMs, int settleSteps) {
    if (c.revision().equals(r.revision)) {
      return false;
    }
    boolean fresh = r.revision == null;
    boolean wasPaused = "paused".equals(r.status);
    r.revision = c.revision();
    r.status = c.paused() ? "paused" : "active";
    if (c.paused()) {
      if (!wasPaused) {
        r.frozen = PacingPlan.planned(c.shape(), c.budget(), r.base, r.baseMs, Double.NaN, nowMs);
      }
      return true;
    }
    r.frozen = Double.NaN;
    if (nowMs <= c.shape().startMs()) {
      r.base = 0;
      r.baseMs = -1;
    } else {
      r.base = fresh ? 0 : Math.max((double) r.delivered, rho(r, settleSteps) * r.promoted);
      r.baseMs = nowMs;
    }
    return true;
  }

  static void step(
      PacingRecord r, Config c, long nowMs, long slotMs, long k, boolean newSlot, int settleSteps) {
    if (r.stepMs >= 0 && nowMs - r.stepMs >= slotMs / 4) {
      double observed = (double) (r.attempts - r.attemptsMark) * slotMs / (nowMs - r.stepMs);
      r.demand =
          Double.isNaN(r.demand) ? observed : (1 - SMOOTHING) * r.demand + SMOOTHING * observed;
      r.attemptsMark = r.attempts;
      r.stepMs = nowMs;
    } else if (r.stepMs < 0) {
      r.attemptsMark = r.attempts;
      r.stepMs = nowMs;
    }
    if (newSlot) {
      r.ring = pushRing(r.ring, r.promoted, settleSteps);
      // leases of the ending slot still unspent carry into this one until their holders give them
      // up (at their first report in this slot); a carry nobody gave up is dropped a slot later
      long unspent = Math.max(0, r.granted - (r.promoted - r.promotedMark));
      r.carry = Math.min(unspent, Math.max(0, r.granted - r.carry));
      r.granted = r.carry;
      r.promotedMark = r.promoted;
      r.slot = k;
    }
    double rho = rho(r, settleSteps);
    double committed = Math.max((double) r.delivered, rho * r.promoted);
    long startMs = c.shape().startMs();
    long endMs = c.shape().endMs();
    double p;
    long allow;
    if (c.paused() || nowMs < startMs || nowMs >= endMs || committed >= c.budget()) {
      p = 0;
      allow = 0;
    } else if (c.shape().mode() == PacingMode.ASAP) {
      p = 1;
      allow = (long) Math.ceil((c.budget() - committed) / rho);
    } else {
      // promotions aim at the plan one play lag ahead, so that their plays land on it; the
      // catch-up bound stays the slot's own share of the plan
      long lead = rho < 1 ? 0 : Math.round(lagMs(r, k, slotMs, nowMs));
      long slotEnd = (k + 1) * slotMs;
      double due = planned(r, c, slotEnd + lead);
      double share = planned(r, c, slotEnd) - planned(r, c, nowMs);
      double target = Math.max(0, Math.min(due - committed, CATCH_UP * share));
      target = Math.min(target, c.budget() - committed);
      allow = (long) Math.ceil(target / rho);
      double aim;
      if (allow <= 0) {
        aim = 0;
      } else if (Double.isNaN(r.demand)) {
        aim = P_INIT;
      } else if (r.demand <= 0) {
        aim = 1;
      } else {
        aim = HEADROOM * allow / r.demand;
      }
      double old = Double.isNaN(r.passRate) ? 0 : r.passRate;
      p = Math.max(0, Math.min(1, Math.min(aim, Math.max(old * RAMP, P_INIT))));
    }
    r.passRate = p;
    r.allow = allow;
  }

  /** The campaign's plan at {@code t}, from the base and freeze {@code r} holds. */
  private static double planned(PacingRecord r, Config c, long t) {
    return PacingPlan.planned(c.shape(), c.budget(), r.base, r.baseMs, r.frozen, t);
  }

  /**
   * How long ago the promotions now delivered had been made: the time since {@code promoted}
   * reached {@code delivered}, read from the ring's marks (the one pushed in slot {@code k} and one
   * per slot before it) and the promotions reported since, interpolated within a slot. 0 when every
   * promotion has delivered; at most the ring's span. Only meaningful while every settled promotion
   * has played ({@code rho} 1): when some never play, a shortfall of plays cannot be told from a
   * lag, and the step leads by nothing.
   */
  static double lagMs(PacingRecord r, long k, long slotMs, long nowMs) {
    double owed = r.delivered;
    if (owed >= r.promoted) {
      return 0;
    }
    String[] marks = r.ring.isEmpty() ? new String[0] : r.ring.split(",");
    double later = r.promoted;
    double laterMs = nowMs;
    for (int i = marks.length - 1; i >= 0; i--) {
      double mark = Long.parseLong(marks[i]);
      double markMs = (double) (k - (marks.length - 1 - i)) * slotMs;
      if (mark <= owed) {
        double at = markMs + (laterMs - markMs) * (owed - mark) / (later - mark);
        return Math.max(0, nowMs - at);
      }
      later = mark;
      laterMs = markMs;
    }
    return Math.max(0, nowMs - laterMs);
  }

  /**
   * Share of settled promotions that were delivered, with a prior of {@link #RHO_PRIOR} promotions
   * that all delivered, its weight shrinking as promotions settle: 1 before any settled, then it
   * moves with each, and a few unlucky plays cannot take it as far below the truth as their bare
   * ratio would.
   */
  static double rho(PacingRecord r, int settleSteps) {
    long settled = oldest(r.ring, settleSteps);
    double prior = (double) (RHO_PRIOR * RHO_PRIOR) / (settled + RHO_PRIOR);
    return Math.max(RHO_MIN, Math.min(1, (r.delivered + prior) / (settled + prior)));
  }

  /** The oldest mark of a full ring ({@code size + 1} marks), else 0: nothing has settled yet. */
  static long oldest(String ring, int size) {
    if (ring.isEmpty() || ring.split(",").length < size + 1) {
      return 0;
    }
    int comma = ring.indexOf(',');
    return Long.parseLong(comma < 0 ? ring : ring.substring(0, comma));
  }

  /** Appends a mark, keeping the last {@code size} (the ring is full once it holds that many). */
  static String pushRing(String ring, long mark, int size) {
    String next = ring.isEmpty() ? Long.toString(mark) : ring + "," + mark;
    int count = 1;
    for (int i = 0; i < next.length(); i++) {
      count += next.charAt(i) == ',' ? 1 : 0;
    }
    while (count > size + 1) {
      next = next.substring(next.indexOf(',') + 1);
      count--;
    }
    return next;
  }
}
