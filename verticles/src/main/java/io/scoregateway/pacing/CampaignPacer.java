package io.scoregateway.pacing;

import io.scoregateway.model.Campaign;
import io.scoregateway.model.Reason;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * One instance's live pacing of one campaign: the pass rate and lease the last refresh brought, and
 * what the scoring requests have observed since. Event loops call {@link #admit} and {@link
 * #release}; the refresher alone calls {@link #report} and {@link #apply}.
 */
public final class CampaignPacer {
  /**
   * The largest lease {@link #spendingRate} raises the pass rate for: below it, whether a stream of
   * admissions reaches the lease at all decides, not its mean; above it, the controller's 20%
   * headroom spends the lease and a higher rate would only bunch promotions early in the slot.
   */
  static final long SMALL_LEASE = 4;

  /** Weight of the latest interval in the attempt rate that sizes leases. */
  static final double RATE_SMOOTHING = 0.5;

  private final String campaign;
  private final Runnable onDry;
  private final AtomicLong lease = new AtomicLong();
  private final LongAdder attempts = new LongAdder();
  private final LongAdder promoted = new LongAdder();
  private final LongAdder admitted = new LongAdder();
  private volatile double passRate;
  private volatile long slot = -1;
  private volatile boolean exhausted;
  private volatile boolean starved = true;

  /** The slot whose allowance the last answer said was all leased out (none: -1). */
  private volatile long spentSlot = -1;

  private volatile long delivered;
  private volatile double planned = Double.NaN;
  private volatile double committed = Double.NaN;
  private volatile long plays;
  private volatile long skips;

  // the refresher's own bookkeeping
  private long reportedAttempts;
  private long reportedPromoted;
  private long reportedAdmitted;

  /** Share of admitted candidates that stay promoted (the rest lose later gates), smoothed. */
  private double survival = 1;

  private long reportedAtMs = -1;
  private long reportedSlotMs;
  private double attemptsPerMs;
  private String revision;
  private Campaign seen;
  private String seenRevision;

  public CampaignPacer(String campaign) {
    this(campaign, () -> {});
  }

  /**
   * A pacer that calls {@code onDry} when its lease runs dry, once until its next refresh.
   *
   * @param campaign the campaign's id
   * @param onDry told (on the event loop that found the lease dry) so a refresh comes soon
   */
  public CampaignPacer(String campaign, Runnable onDry) {
    this.campaign = campaign;
    this.onDry = onDry;
  }

  public String campaign() {
    return campaign;
  }

  /** The budget gate: true once delivered plus promotions in flight reach the budget. */
  public boolean exhausted() {
    return exhausted;
  }

  /**
   * The pacing gate for an eligible candidate: the admission hash at the pass rate, then one
   * promotion from the lease. Every call counts as demand.
   */
  public Reason admit(String user, long currentSlot) {
    attempts.increment();
    if (!AdmissionHash.admits(user, campaign, currentSlot, passRate)) {
      return Reason.PACED;
    }
    return takeFromLease();
  }

  /**
   * {@link #admit(String, long)} with the listener's {@link AdmissionHash#unit} for this campaign
   * and slot already computed: one request computes it once per campaign, not per candidate.
   */
  public Reason admit(double admissionUnit) {
    attempts.increment();
    if (!AdmissionHash.admits(admissionUnit, passRate)) {
      return Reason.PACED;
    }
    return takeFromLease();
  }

  private Reason takeFromLease() {
    // a lease outlives its slot until this instance's next report: a campaign asked for now and
    // then keeps promoting, and what it spends is reported (and counted) at that report.
    // A dry lease is only read: every event loop meets it, and a write (even of the same value)
    // would move its cache line between cores on every candidate.
    long n;
    do {
      n = lease.get();
      if (n <= 0) {
        if (!starved) {
          starved = true;
          onDry.run();
        }
        return Reason.PACED;
      }
    } while (!lease.compareAndSet(n, n - 1));
    admitted.increment();
    promoted.increment();
    return Reason.PROMOTED;
  }

  /**
   * What {@link #admit(double)} would answer, taking nothing from the lease and counting no demand:
   * for a held-out listener, whose promotion is recorded, never made.
   */
  public Reason wouldAdmit(double admissionUnit) {
    return AdmissionHash.admits(admissionUnit, passRate) && lease.get() > 0
        ? Reason.PROMOTED
        : Reason.PACED;
  }

  /**
   * An eligible candidate the budget gate stopped: still demand, so the campaign keeps being
   * refreshed.
   */
  public void exhaustedAttempt() {
    attempts.increment();
  }

  /**
   * An eligible candidate the engagement hold stopped: still demand, so the controller does not
   * raise the pass rate to make up for the hold.
   */
  public void heldAttempt() {
    attempts.increment();
  }

  /** Gives back an admitted promotion that a later gate took away (slot limit, frequency). */
  public void release() {
    promoted.decrement();
    lease.incrementAndGet();
  }

  /** A delivery count this instance learned from Redis (its own delivery calls). */
  public void delivered(long count, long budget) {
    if (count > delivered) {
      delivered = count;
    }
    if (count >= budget) {
      exhausted = true;
    }
  }

  public double passRate() {
    return passRate;
  }

  public long delivered() {
    return delivered;
  }

  public double planned() {
    return planned;
  }

  /** Delivered plus promotions in flight at the last refresh (NaN before the first). */
  public double committed() {
    return committed;
  }

  /** Rated plays in the engagement window at the last refresh. */
  public long plays() {
    return plays;
  }

  /** Skips among them. */
  public long skips() {
    return skips;
  }

  public long lease() {
    return lease.get();
  }

  public long slot() {
    return slot;
  }

  // --- the refresher's side ---

  /**
   * True when this campaign needs a refresh now: its lease ran dry (while its slot has some left),
   * its config changed, or a new slot began after demand was seen (or with a lease to give back). A
   * campaign nobody asks for is refreshed once, then no more.
   */
  // the catalog replaces a campaign's object whenever its config changes: identity is the cheap
  // test for "seen already", the revision string the exact one
  @SuppressWarnings("ReferenceEquality")
  public boolean due(long currentSlot, Campaign config) {
    if (config != seen) {
      seen = config;
      seenRevision = PacingRevision.of(config);
    }
    if (!seenRevision.equals(revision) || (starved && spentSlot != currentSlot)) {
      return true;
    }
    // a new slot: report the demand seen, or give back a lease worth more than a couple of units
    return slot < currentSlot
        && (attempts.sum() > reportedAttempts || lease.get() > PacingController.MIN_LEASE);
  }

  /**
   * Takes what to report (deltas since the last report, counted as reported now: a failed call
   * loses them rather than count them twice) and the lease to ask for.
   */
  @SuppressWarnings("ReferenceEquality")
  public PacingReport report(long nowMs, long slotMs, Campaign config) {
    String currentRevision = config == seen ? seenRevision : PacingRevision.of(config);
    boolean first = reportedAtMs < 0;
    long a = attempts.sum();
    long p = promoted.sum();
    long adm = admitted.sum();
    long dp = p - reportedPromoted;
    long dadm = adm - reportedAdmitted;
    if (dadm > 0) {
      double latest = Math.max(0, Math.min(1, (double) dp / dadm));
      survival = RATE_SMOOTHING * latest + (1 - RATE_SMOOTHING) * survival;
    }
    // demand as the controller needs it: attempts that would stay promoted if admitted (those
    // that lose to max_promoted or the in-answer cap afterwards are no demand for the plan)
    long da = Math.round((a - reportedAttempts) * survival);
    reportedAdmitted = adm;
    if (!first && nowMs > reportedAtMs) {
      // smoothed: sporadic traffic keeps a rate (and a lease) between its requests
      double latest = (double) da / (nowMs - reportedAtMs);
      attemptsPerMs =
          attemptsPerMs == 0
              ? latest
              : RATE_SMOOTHING * latest + (1 - RATE_SMOOTHING) * attemptsPerMs;
    }
    reportedAttempts = a;
    reportedPromoted = p;
    reportedAtMs = nowMs;
    reportedSlotMs = slotMs;
    long slotNow = Math.floorDiv(nowMs, slotMs);
    long returned = 0;
    if (slot < slotNow || !currentRevision.equals(revision)) {
      // a lease is good for one slot and one config: what is left goes back
      returned = Math.max(0, lease.getAndSet(0));
    }
    revision = currentRevision;
    starved = false;
    // without a rate yet (-1) the controller leases a fair part of what the slot has left
    return new PacingReport(campaign, da, dp, first ? -1 : attemptsPerMs * 1000, returned);
  }

  /** A refresh that failed: the next tick tries again, config included. */
  public void failed() {
    revision = null;
    starved = true;
  }

  /** Applies the refresh's answer. */
  public void apply(PacingController.Lease l) {
    long held = lease.addAndGet(l.grant());
    // dry only if still so: a candidate that found the lease empty while this answer was on its
    // way (as at every slot's start, the lease given back) must not bring a second refresh
    starved = held <= 0;
    double msLeft = (l.slot() + 1) * reportedSlotMs - reportedAtMs;
    passRate = spendingRate(l.passRate(), held, attemptsPerMs, msLeft);
    slot = l.slot();
    spentSlot = l.slotSpent() ? l.slot() : -1;
    exhausted = l.exhausted();
    delivered = Math.max(delivered, l.delivered());
    planned = l.planned();
    committed = l.committed();
    plays = l.plays();
    skips = l.skips();
  }

  /**
   * The pass rate this instance admits at: the controller's {@code p}, or more when at {@code p}
   * its own lease would likely outlast the slot. The controller aims {@code p} at the whole
   * campaign's demand; when a slot's allowance is a unit or two, one instance holds it and the
   * others' admissions find no lease, so at {@code p} the holder spends it in about half the slots
   * with two instances. Here the holder admits enough to expect one promotion more than it holds
   * over what is left of the slot: a lease of 1 is spent in 86% of slots, one of 100 at 1.01 times
   * the lease (below {@code p}, which then stands). The lease still bounds every promotion, so no
   * budget or plan bound changes; only when in the slot a small lease is spent.
   *
   * @param p the controller's pass rate (0: nothing to promote this slot)
   * @param held the lease this instance holds
   * @param attemptsPerMs its attempts that would stay promoted, per ms (0: not known)
   * @param msLeft what is left of the slot
   */
  static double spendingRate(double p, long held, double attemptsPerMs, double msLeft) {
    if (!(p > 0) || held <= 0 || held > SMALL_LEASE || !(attemptsPerMs > 0) || !(msLeft > 0)) {
      return p;
    }
    return Math.min(1, Math.max(p, (held + 1) / (attemptsPerMs * msLeft)));
  }

  /** What the refresher sends for one campaign. */
  public record PacingReport(
      String campaign, long attempts, long promoted, double ratePerSec, long returned) {}
}
