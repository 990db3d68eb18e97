package io.scoregateway.pacing;

import static org.assertj.core.api.Assertions.assertThat;

import io.scoregateway.model.Campaign;
import io.scoregateway.model.CampaignStatus;
import io.scoregateway.model.PacingMode;
import io.scoregateway.model.Reason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The controller in a closed loop with the instance-side pacers (1 s slots, 40 s flights,
 * deliveries 0-3 s late): it holds the plan at every demand, never overspends, and re-plans changes
 * without a burst.
 */
class PacingLoopTest {
  static final long SLOT = 1_000;
  static final long START = 1_800_000_000_000L;
  static final long END = START + 40_000;

  @ParameterizedTest(name = "demand {0}x need, {1} instances")
  @CsvSource({"3, 1", "30, 1", "100, 1", "30, 2", "100, 3"})
  void holdsThePlanAtEveryDemand(double ratio, int instances) {
    long budget = 2_000;
    PacingLoop loop = new PacingLoop(instances, SLOT, 7);
    loop.maxLagMs = 3_000;
    Campaign c = PacingLoop.campaign(START, END, budget, PacingMode.EVEN, CampaignStatus.ACTIVE);
    double need = budget / 40.0;
    loop.run(START - 2_000, END + 4_000, t -> c, t -> ratio * need);
    loop.drain();
    assertThat(loop.worstGap).as("worst gap, share of budget, " + loop.worst).isLessThan(0.10);
    assertThat(loop.record.delivered).as("delivered").isBetween((long) (0.95 * budget), budget);
  }

  @ParameterizedTest(name = "{0} instances")
  @CsvSource({"1", "2"})
  void playsThatLagTheirPromotionsLandOnThePlan(int instances) {
    long budget = 2_000;
    PacingLoop loop = new PacingLoop(instances, SLOT, 11);
    loop.maxLagMs = 3_000;
    loop.meanGapFromMs = START + 5_000;
    Campaign c = PacingLoop.campaign(START, END, budget, PacingMode.EVEN, CampaignStatus.ACTIVE);
    loop.run(START - 2_000, END + 4_000, t -> c, t -> 30 * budget / 40.0);
    loop.drain();
    // plays trail their promotions by 1.5 s on average: promotions on the plan itself would leave
    // deliveries 75 behind it (3.75% of the budget) all flight long
    assertThat(loop.meanGap()).as("mean gap after 5 s, " + loop.worst).isBetween(-0.015, 0.015);
    assertThat(loop.record.delivered).isBetween((long) (0.98 * budget), budget);
  }

  @Test
  void trafficBelowTheNeedPromotesEveryEligibleCandidate() {
    long budget = 2_000;
    PacingLoop loop = new PacingLoop(1, SLOT, 3);
    Campaign c = PacingLoop.campaign(START, END, budget, PacingMode.EVEN, CampaignStatus.ACTIVE);
    loop.run(START, START + 5_000, t -> c, t -> 0.5 * budget / 40.0);
    long pacedDuringRamp = loop.pacedCount;
    loop.run(START + 5_000, END, t -> c, t -> 0.5 * budget / 40.0);
    assertThat(loop.pacedCount - pacedDuringRamp).as("paced after the ramp").isZero();
    assertThat(loop.eligible).isGreaterThan(900);
  }

  @Test
  void candidatesLostToLaterGatesAreNoDemand() {
    // four in five admitted candidates lose to max_promoted: the pass rate must aim past them
    long budget = 2_000;
    PacingLoop loop = new PacingLoop(2, SLOT, 23);
    loop.maxLagMs = 3_000;
    loop.lossRate = 0.8;
    Campaign c = PacingLoop.campaign(START, END, budget, PacingMode.EVEN, CampaignStatus.ACTIVE);
    loop.run(START, END + 4_000, t -> c, t -> 30 * budget / 40.0 / 0.2);
    loop.drain();
    assertThat(loop.worstGap).isLessThan(0.10);
    assertThat(loop.record.delivered).isBetween((long) (0.95 * budget), budget);
  }

  @Test
  void halfThePromotionsPlayedStillSpendsTheBudget() {
    // promotions count against the budget until half of them are seen never to play: the
    // campaign, briefly exhausted, is refreshed again and resumes
    for (PacingMode mode : new PacingMode[] {PacingMode.ASAP, PacingMode.EVEN}) {
      PacingLoop loop = new PacingLoop(2, SLOT, 29);
      loop.maxLagMs = 3_000;
      loop.settleMs = 4_000;
      loop.playRate = 0.5;
      Campaign c = PacingLoop.campaign(START, END, 60, mode, CampaignStatus.ACTIVE);
      loop.run(START, END + 4_000, t -> c, t -> 100.0);
      loop.drain();
      // even runs behind until the play rate is measured (on promotions older than the settle
      // time), then catches up at most twice its share a slot: it ends a little short
      long least = mode == PacingMode.ASAP ? 55 : 50;
      assertThat(loop.record.delivered).as(mode.wire()).isBetween(least, 63L);
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @CsvSource({"41", "47", "53"})
  void aBudgetOfUnderOnePromotionASlotOnTwoInstancesStaysOnPlan(long seed) {
    // 20 deliveries over 40 slots, half the promotions played, 0-3 s late: about one promotion a
    // slot, held by whichever instance asked first; the holder spends it and the delivery ratio
    // is learned from the first settled promotions, so deliveries neither fall behind early nor
    // end short
    PacingLoop loop = new PacingLoop(2, SLOT, seed);
    loop.maxLagMs = 3_000;
    loop.settleMs = 4_000;
    loop.playRate = 0.5;
    Campaign c = PacingLoop.campaign(START, END, 20, PacingMode.EVEN, CampaignStatus.ACTIVE);
    loop.run(START, END + 4_000, t -> c, t -> 100.0);
    loop.drain();
    // one delivery is 5% of this budget; before, these runs fell 28-30% behind and ended at 15-17
    assertThat(loop.worstGap).as("worst gap, share of budget, " + loop.worst).isLessThan(0.25);
    assertThat(loop.record.delivered).isBetween(18L, 21L);
  }

  @Test
  void sporadicTrafficBelowTheNeedIsPromotedToo() {
    // one listener every 3 s or so, against a need of 50 a second: every one after the ramp
    PacingLoop loop = new PacingLoop(2, SLOT, 19);
    Campaign c = PacingLoop.campaign(START, END, 2_000, PacingMode.EVEN, CampaignStatus.ACTIVE);
    loop.run(START, START + 12_000, t -> c, t -> 0.3);
    long pacedDuringRamp = loop.pacedCount;
    long eligibleDuringRamp = loop.eligible;
    loop.run(START + 12_000, END, t -> c, t -> 0.3);
    assertThat(loop.eligible - eligibleDuringRamp).isGreaterThan(5);
    assertThat(loop.pacedCount - pacedDuringRamp).as("paced after the ramp").isZero();
  }

  @Test
  void aTrafficJumpIsCappedByTheSlotAllowance() {
    long budget = 2_000;
    PacingLoop loop = new PacingLoop(2, SLOT, 5);
    loop.maxLagMs = 3_000;
    Campaign c = PacingLoop.campaign(START, END, budget, PacingMode.EVEN, CampaignStatus.ACTIVE);
    double need = budget / 40.0;
    loop.run(START, END + 4_000, t -> c, t -> (t < START + 20_000 ? 3 : 30) * need);
    loop.drain();
    assertThat(loop.worstGap).isLessThan(0.10);
    assertThat(loop.record.delivered).isBetween((long) (0.95 * budget), budget);
  }

  @Test
  void budgetChangesAndPausesReplanOnlyTheRemainder() {
    long budget = 2_000;
    PacingLoop loop = new PacingLoop(2, SLOT, 11);
    loop.maxLagMs = 2_000;
    Campaign base = PacingLoop.campaign(START, END, budget, PacingMode.EVEN, CampaignStatus.ACTIVE);
    Campaign raised =
        PacingLoop.campaign(START, END, 3_000, PacingMode.EVEN, CampaignStatus.ACTIVE);
    Campaign paused =
        PacingLoop.campaign(START, END, 3_000, PacingMode.EVEN, CampaignStatus.PAUSED);
    double demand = 30 * budget / 40.0;
    loop.run(START, START + 10_000, t -> base, t -> demand);
    long atChange = loop.record.delivered;
    loop.run(START + 10_000, START + 12_000, t -> raised, t -> demand);
    // the remainder (3000 - ~500) over the 30 s left: ~83 a second, so 2 s add well under a burst
    assertThat(loop.promotions).isLessThan(atChange + 2 * 2 * 3_000 / 30 + 100);
    loop.run(START + 12_000, START + 20_000, t -> paused, t -> demand);
    long promotedWhilePaused = loop.promotions;
    double frozen = loop.record.frozen;
    loop.run(START + 20_000, START + 21_000, t -> paused, t -> demand);
    assertThat(loop.record.frozen).as("the plan is frozen while paused").isEqualTo(frozen);
    long resumedAt = loop.promotions;
    loop.run(START + 21_000, START + 23_000, t -> raised, t -> demand);
    assertThat(resumedAt).isEqualTo(promotedWhilePaused);
    // 2 s after resuming: about 2 s of the remainder spread over the 19 s left, not a catch-up
    // burst
    double remainderRate = (3_000.0 - resumedAt) / 19.0;
    assertThat(loop.promotions - resumedAt).isLessThan((long) (2 * remainderRate * 2 + 20));
    loop.run(START + 23_000, END + 4_000, t -> raised, t -> demand);
    loop.drain();
    assertThat(loop.record.delivered).isBetween(2_850L, 3_060L);
  }

  @Test
  void asapSpendsTheBudgetAndStopsAtIt() {
    PacingLoop loop = new PacingLoop(3, SLOT, 13);
    loop.maxLagMs = 3_000;
    Campaign c = PacingLoop.campaign(START, END, 500, PacingMode.ASAP, CampaignStatus.ACTIVE);
    loop.run(START, END, t -> c, t -> 1_000.0);
    loop.drain();
    assertThat(loop.record.delivered).isBetween(500L, 510L);
  }

  @Test
  void aSmallBudgetEndsOnPlan() {
    PacingLoop loop = new PacingLoop(2, SLOT, 17);
    loop.maxLagMs = 1_000;
    Campaign c = PacingLoop.campaign(START, END, 50, PacingMode.EVEN, CampaignStatus.ACTIVE);
    loop.run(START, END + 3_000, t -> c, t -> 100.0);
    loop.drain();
    assertThat(loop.record.delivered).isBetween(48L, 51L);
  }

  @Test
  void aCampaignIdleForSlotsKeepsALeaseForTwoOfItsTracks() {
    // its first lease is large; a slot with no demand shrinks it to the smallest lease, which a
    // later answer with two of its tracks spends whole, and which idle slots then leave alone
    PacingLoop loop = new PacingLoop(1, SLOT, 31);
    Campaign c = PacingLoop.campaign(START, END, 1_000_000, PacingMode.ASAP, CampaignStatus.ACTIVE);
    loop.run(START, START + 2_500, t -> c, t -> 0.0);
    CampaignPacer p = loop.instances.get(0);
    assertThat(p.lease()).isEqualTo(PacingController.MIN_LEASE);
    long slot = Math.floorDiv(START + 2_500, SLOT);
    assertThat(p.due(slot + 1, c)).as("an idle lease is not renewed every slot").isFalse();
    double unit = AdmissionHash.unit("u-1", "c", slot);
    assertThat(p.admit(unit)).isEqualTo(Reason.PROMOTED);
    assertThat(p.admit(unit)).isEqualTo(Reason.PROMOTED);
  }
}
