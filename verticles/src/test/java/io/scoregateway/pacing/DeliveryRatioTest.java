package io.scoregateway.pacing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The share of settled promotions that delivered, as the controller estimates it. */
class DeliveryRatioTest {
  static final int SETTLE = 2;

  /** A record whose oldest mark (settled promotions) is {@code settled}. */
  static PacingRecord record(long settled, long delivered) {
    PacingRecord r = new PacingRecord();
    r.ring = settled + "," + (settled + 5) + "," + (settled + 10);
    r.promoted = settled + 12;
    r.delivered = delivered;
    return r;
  }

  @Test
  void nothingSettledIsEveryPromotionDelivering() {
    PacingRecord r = record(0, 0);
    assertThat(PacingController.rho(r, SETTLE)).isEqualTo(1);
    r.ring = "3,8";
    assertThat(PacingController.rho(r, SETTLE)).as("a ring not yet full").isEqualTo(1);
  }

  @Test
  void theFirstSettledPromotionsMoveItButLessThanTheirBareRatio() {
    // 4 settled, 2 delivered: the bare ratio says 0.5; the prior (weight 2 here) says 4/6
    assertThat(PacingController.rho(record(4, 2), SETTLE)).isCloseTo(4 / 6.0, within(1e-12));
    // 8 settled, 1 delivered by bad luck: 0.125 bare, far above it here
    assertThat(PacingController.rho(record(8, 1), SETTLE))
        .isCloseTo(7 / 3.0 / (28 / 3.0), within(1e-12));
  }

  @Test
  void manySettledPromotionsAreTheirBareRatio() {
    // 400 settled, 200 delivered: the prior adds 0.04 of a promotion
    assertThat(PacingController.rho(record(400, 200), SETTLE)).isCloseTo(0.5, within(1e-4));
    // deliveries of promotions still in flight may take the count past the settled ones: at most 1
    assertThat(PacingController.rho(record(20, 25), SETTLE)).isEqualTo(1);
    assertThat(PacingController.rho(record(1_000, 0), SETTLE)).isEqualTo(PacingController.RHO_MIN);
  }

  @Test
  void itsErrorOnTheCommittedDeliveriesStaysUnderOneDelivery() {
    // half of the promotions play: committed = rho x promoted overstates the deliveries to come by
    // the prior's pull, at most about one delivery at any count, and less the more have settled
    double worst = 0;
    for (long settled = 2; settled <= 2_000; settled += 2) {
      double overstated =
          (PacingController.rho(record(settled, settled / 2), SETTLE) - 0.5) * settled;
      assertThat(overstated).isGreaterThanOrEqualTo(0);
      worst = Math.max(worst, overstated);
    }
    assertThat(worst).isLessThan(1.1);
    assertThat((PacingController.rho(record(2_000, 1_000), SETTLE) - 0.5) * 2_000).isLessThan(0.01);
  }
}
