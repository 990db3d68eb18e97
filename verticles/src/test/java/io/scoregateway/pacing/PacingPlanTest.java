package io.scoregateway.pacing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.scoregateway.model.PacingMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class PacingPlanTest {
  static final long HOUR = 3_600_000L;
  static final long DAY = 24 * HOUR;
  // a ten-day flight starting at midnight UTC
  static final long START = 20_000 * DAY;
  static final long END = START + 10 * DAY;

  static PacingPlan.Shape shape(PacingMode mode) {
    return new PacingPlan.Shape(mode, START, END, null);
  }

  static double planned(PacingPlan.Shape s, double base, long baseMs, double frozen, long now) {
    return PacingPlan.planned(s, 1000, base, baseMs, frozen, now);
  }

  @Test
  void anEvenPlanGrowsLinearlyFromStartToEnd() {
    PacingPlan.Shape even = shape(PacingMode.EVEN);
    assertThat(PacingPlan.fraction(even, START - 1)).isZero();
    assertThat(PacingPlan.fraction(even, START)).isZero();
    assertThat(PacingPlan.fraction(even, START + DAY)).isCloseTo(0.1, within(1e-12));
    assertThat(PacingPlan.fraction(even, START + 5 * DAY)).isCloseTo(0.5, within(1e-12));
    assertThat(PacingPlan.fraction(even, END)).isEqualTo(1.0);
    assertThat(PacingPlan.fraction(even, END + DAY)).isEqualTo(1.0);
  }

  @Test
  void frontLoadedBendsTheSameTimeTowardsTheStart() {
    PacingPlan.Shape front = shape(PacingMode.FRONT_LOADED);
    // 1 - (1 - x)^2 at x = 0.5 and 0.1
    assertThat(PacingPlan.fraction(front, START + 5 * DAY)).isCloseTo(0.75, within(1e-12));
    assertThat(PacingPlan.fraction(front, START + DAY)).isCloseTo(0.19, within(1e-12));
    assertThat(PacingPlan.fraction(front, START)).isZero();
    assertThat(PacingPlan.fraction(front, END)).isEqualTo(1.0);
  }

  @Test
  void asapHasNoPlanButTheWholeBudget() {
    PacingPlan.Shape asap = shape(PacingMode.ASAP);
    assertThat(PacingPlan.fraction(asap, START - DAY)).isEqualTo(1.0);
    assertThat(planned(asap, 0, -1, Double.NaN, START)).isEqualTo(1000);
    assertThat(planned(asap, 0, -1, 123, START)).isEqualTo(1000);
  }

  @Test
  void aTrafficProfileWeighsTheHours() {
    // all traffic between 00:00 and 06:00 UTC: a day's plan is done by 06:00
    List<Double> profile = new ArrayList<>(Collections.nCopies(24, 0.0));
    for (int h = 0; h < 6; h++) {
      profile.set(h, 1.0);
    }
    PacingPlan.Shape s = new PacingPlan.Shape(PacingMode.EVEN, START, END, profile);
    assertThat(PacingPlan.fraction(s, START + 3 * HOUR)).isCloseTo(0.05, within(1e-12));
    assertThat(PacingPlan.fraction(s, START + 6 * HOUR)).isCloseTo(0.1, within(1e-12));
    assertThat(PacingPlan.fraction(s, START + 20 * HOUR)).isCloseTo(0.1, within(1e-12));
    assertThat(PacingPlan.fraction(s, START + DAY + 6 * HOUR)).isCloseTo(0.2, within(1e-12));
  }

  @Test
  void aPlanNeverReplannedIsTheBudgetTimesTheFraction() {
    PacingPlan.Shape even = shape(PacingMode.EVEN);
    assertThat(planned(even, 0, -1, Double.NaN, START + 2 * DAY)).isCloseTo(200, within(1e-9));
    assertThat(planned(even, 0, -1, Double.NaN, END + DAY)).isCloseTo(1000, within(1e-9));
  }

  @Test
  void aPausedPlanIsFrozen() {
    assertThat(planned(shape(PacingMode.EVEN), 0, -1, 321.5, START + 9 * DAY)).isEqualTo(321.5);
  }

  @Test
  void aReplanSpreadsOnlyWhatRemainsOverTheRestOfTheFlight() {
    PacingPlan.Shape even = shape(PacingMode.EVEN);
    long replan = START + 5 * DAY;
    // 100 committed at mid-flight: the remaining 900 over the remaining five days
    assertThat(planned(even, 100, replan, Double.NaN, replan)).isEqualTo(100);
    assertThat(planned(even, 100, replan, Double.NaN, replan - DAY)).isEqualTo(100);
    assertThat(planned(even, 100, replan, Double.NaN, replan + DAY))
        .isCloseTo(100 + 900 * 0.2, within(1e-9));
    assertThat(planned(even, 100, replan, Double.NaN, END)).isEqualTo(1000);
    // committed beyond the budget (the budget was lowered): never planned below what was committed
    assertThat(planned(even, 1200, replan, Double.NaN, replan + DAY)).isEqualTo(1200);
    assertThat(planned(even, 1200, replan, Double.NaN, END)).isEqualTo(1200);
  }

  @Test
  void aReplanAtTheEndOfTheFlightPlansTheWholeBudget() {
    assertThat(planned(shape(PacingMode.EVEN), 400, END, Double.NaN, END - 1)).isEqualTo(400);
    assertThat(planned(shape(PacingMode.EVEN), 400, END + DAY, Double.NaN, END + 2 * DAY))
        .isEqualTo(1000);
  }
}
