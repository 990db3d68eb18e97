package io.scoregateway.allocate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.scoregateway.model.PacingMode;
import org.junit.jupiter.api.Test;

class UrgencyTest {
  static final long BUDGET = 10_000;

  /** The gap, in deliveries, at which urgency reaches its bound: 1% of the budget. */
  static final double FULL = Urgency.FULL_GAP * BUDGET;

  static double u(double planned, double committed) {
    return Urgency.of(planned, committed, BUDGET, PacingMode.EVEN);
  }

  @Test
  void onPlanIsNeutral() {
    assertThat(u(4_000, 4_000)).isEqualTo(1.0);
  }

  @Test
  void behindWeighsMoreAndAheadLessSymmetrically() {
    // half the full gap behind: sqrt(1.5)
    assertThat(u(4_000 + FULL / 2, 4_000)).isCloseTo(Math.sqrt(1.5), within(1e-12));
    assertThat(u(4_000, 4_000 + FULL / 2)).isCloseTo(1 / Math.sqrt(1.5), within(1e-12));
    assertThat(u(4_000 + FULL / 3, 4_000) * u(4_000, 4_000 + FULL / 3)).isCloseTo(1, within(1e-12));
  }

  @Test
  void theFullGapReachesTheBoundAndNoGapGoesPastIt() {
    assertThat(Urgency.FULL_GAP).isEqualTo(0.01);
    assertThat(u(4_000 + FULL, 4_000)).isCloseTo(Urgency.BOUND, within(1e-12));
    assertThat(u(9_000, 0)).isEqualTo(Urgency.BOUND);
    assertThat(u(0, 9_000)).isEqualTo(1 / Urgency.BOUND);
  }

  @Test
  void risesSmoothlyWithTheGap() {
    double previous = 0;
    for (double gap = -3 * FULL; gap <= 3 * FULL; gap += 1) {
      double v = u(5_000 + gap, 5_000);
      assertThat(v).isGreaterThanOrEqualTo(previous).isBetween(1 / Urgency.BOUND, Urgency.BOUND);
      // continuous: one delivery moves it by at most ln(1.5) / (2 x full gap) in log terms
      if (previous > 0) {
        assertThat(Math.log(v / previous)).isLessThanOrEqualTo(Math.log(1.5) / FULL + 1e-12);
      }
      previous = v;
    }
  }

  @Test
  void aTinyBudgetNeedsAWholeDeliveryOfGap() {
    // 1% of 10 is 0.1 deliveries: the scale is at least one delivery
    assertThat(Urgency.of(3.5, 3, 10, PacingMode.EVEN)).isCloseTo(Math.sqrt(1.5), within(1e-12));
  }

  @Test
  void asapAndUnknownPositionsAreNeutral() {
    assertThat(Urgency.of(BUDGET, 0, BUDGET, PacingMode.ASAP)).isEqualTo(1.0);
    assertThat(Urgency.of(Double.NaN, 0, BUDGET, PacingMode.EVEN)).isEqualTo(1.0);
    assertThat(Urgency.of(100, Double.NaN, BUDGET, PacingMode.FRONT_LOADED)).isEqualTo(1.0);
  }
}
