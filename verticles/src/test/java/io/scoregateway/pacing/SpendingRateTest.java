package io.scoregateway.pacing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The pass rate an instance admits at to spend the lease it holds. */
class SpendingRateTest {
  @Test
  void aSmallLeaseIsSpentWithinTheSlot() {
    // 1 unit held, 0.2 attempts a second, 50 s left: 10 attempts expected; the controller's 0.06
    // would expect 0.6 admissions; the holder admits at 0.2, expecting 2
    assertThat(CampaignPacer.spendingRate(0.06, 1, 0.2 / 1000, 50_000))
        .isCloseTo(0.2, within(1e-12));
    // late in the slot, all of it
    assertThat(CampaignPacer.spendingRate(0.06, 1, 0.2 / 1000, 5_000)).isEqualTo(1);
  }

  @Test
  void aLargeLeaseKeepsTheControllersRate() {
    // a lease sized to this instance's expected admissions at p (1,000 attempts a second, 0.1,
    // 30 s left: 3,000 admissions, lease 2,500): p stands, promotions stay spread over the slot
    assertThat(CampaignPacer.spendingRate(0.1, 2_500, 1.0, 30_000)).isEqualTo(0.1);
  }

  @Test
  void nothingToPromoteOrNothingKnownKeepsTheControllersRate() {
    assertThat(CampaignPacer.spendingRate(0, 5, 0.2 / 1000, 50_000)).isZero();
    assertThat(CampaignPacer.spendingRate(0.06, 0, 0.2 / 1000, 50_000)).isEqualTo(0.06);
    assertThat(CampaignPacer.spendingRate(0.06, 1, 0, 50_000)).isEqualTo(0.06);
    assertThat(CampaignPacer.spendingRate(0.06, 1, 0.2 / 1000, 0)).isEqualTo(0.06);
  }
}
