package io.scoregateway.pacing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The play lag the controller reads from its ring of promoted marks. */
class PacingControllerLagTest {
  static final long SLOT = 1_000;
  static final long K = 1_800_000_000L;

  /** Ten promotions a slot; the newest mark (40) was pushed at slot {@code K}'s start. */
  static PacingRecord steady(long delivered, long promotedNow) {
    PacingRecord r = new PacingRecord();
    r.ring = "0,10,20,30,40";
    r.promoted = promotedNow;
    r.delivered = delivered;
    return r;
  }

  @Test
  void everyPromotionDeliveredIsNoLag() {
    assertThat(PacingController.lagMs(steady(45, 45), K, SLOT, K * SLOT + 500)).isZero();
  }

  @Test
  void theLagIsTheTimeSincePromotionsReachedTheDeliveredCount() {
    // 25 delivered: promotions passed 25 halfway through slot K-2, 2 s before now
    assertThat(PacingController.lagMs(steady(25, 45), K, SLOT, K * SLOT + 500))
        .isCloseTo(2_000, within(1e-6));
    // 42 delivered: between the newest mark (K, 40) and now (45), 300 ms after K's start
    assertThat(PacingController.lagMs(steady(42, 45), K, SLOT, K * SLOT + 500))
        .isCloseTo(300, within(1e-6));
  }

  @Test
  void nothingDeliveredIsAtMostTheRingsSpan() {
    PacingRecord r = steady(0, 45);
    r.ring = "5,10,20,30,40";
    assertThat(PacingController.lagMs(r, K, SLOT, K * SLOT + 500)).isCloseTo(4_500, within(1e-6));
  }

  @Test
  void aFreshCampaignWithoutMarksHasNoLag() {
    PacingRecord r = steady(0, 5);
    r.ring = "";
    assertThat(PacingController.lagMs(r, K, SLOT, K * SLOT + 500)).isZero();
  }
}
