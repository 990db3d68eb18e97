package io.scoregateway.allocate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.scoregateway.model.PacingMode;
import org.junit.jupiter.api.Test;

class UrgencyTest {
  static final long BUDGET = 10_000;

  static double u(double planned, double committed) {
    return Urgency.of(planned, committed, BUDGET, PacingMode.EVEN);
  }

  @Test
  void onPlanIsNeutral() {
    assertThat(u(4_000, 4_000)).isEqualTo(1.0);
  }

  @Test
  void behindWeighsMoreAndAheadLessSymmetrically() {
    // 1% of the budget behind is half the full gap: sqrt(1.5)
    assertThat(u(4_100, 4_000)).isCloseTo(Math.sqrt(1.5), within(1e-12));
    assertThat(u(4_000, 4_100)).isCloseTo(1 / Math.sqrt(1.5), within(1e-12));
    assertThat(u(4_100, 4_000) * u(4_000, 4_100)).isCloseTo(1, within(1e-12));
  }

  @Test
  void theFullGapReachesTheBoundAndNoGapGoesPastIt() {
    assertThat(u(4_200, 4_000)).isCloseTo(Urgency.BOUND, within(1e-12));
    assertThat(u(9_000, 0)).isEqualTo(Urgency.BOUND);
    assertThat(u(0, 9_000)).isEqualTo(1 / Urgency.BOUND);
  }

  @Test
  void risesSmoothlyWithTheGap() {
    double previous = 0;
    for (double gap = -300; gap <= 300; gap += 1) {
      double v = u(5_000 + gap, 5_000);
      assertThat(v).isGreaterThanOrEqualTo(previous).isBetween(1 / Urgency.BOUND, Urgency.BOUND);
      // continuous: one delivery moves it by at most ln(1.5) / 200 in log terms
      if (previous > 0) {
        assertThat(Math.log(v / previous)).isLessThanOrEqualTo(Math.log(1.5) / 200 + 1e-12);
      }
      previous = v;
    }
  }

  @Test
  void aTinyBudgetNeedsAWholeDeliveryOfGap() {
    // 2% of 10 is 0.2 deliveries: the scale is at least one delivery
    assertThat(Urgency.of(3.5, 3, 10, PacingMode.EVEN)).isCloseTo(Math.sqrt(1.5), within(1e-12));
  }

  @Test
  void asapAndUnknownPositionsAreNeutral() {
    assertThat(Urgency.of(BUDGET, 0, BUDGET, PacingMode.ASAP)).isEqualTo(1.0);
    assertThat(Urgency.of(Double.NaN, 0, BUDGET, PacingMode.EVEN)).isEqualTo(1.0);
    assertThat(Urgency.of(100, Double.NaN, BUDGET, PacingMode.FRONT_LOADED)).isEqualTo(1.0);
  }
}
