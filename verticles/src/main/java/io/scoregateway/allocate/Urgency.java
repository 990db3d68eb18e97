package io.scoregateway.allocate;

import io.scoregateway.model.PacingMode;

/**
 * How much a campaign's position against its plan weighs when candidates compete: {@code u = B^g},
 * with {@code g} the gap between planned and committed deliveries (delivered plus promotions in
 * flight) as a share of {@link #FULL_GAP} of the budget, clamped to [-1, 1]. Behind plan {@code u >
 * 1}, ahead {@code u < 1}, on plan 1; always within [1/B, B], so a candidate scoring more than B²
 * times another wins whatever the two campaigns' positions.
 */
public final class Urgency {
  /** The bound B: the most urgency can multiply (or divide) a score by. */
  public static final double BOUND = 1.5;

  /** The gap, as a share of the budget, at which urgency reaches its bound. */
  public static final double FULL_GAP = 0.01;

  private static final double LN_BOUND = Math.log(BOUND);

  private Urgency() {}

  /**
   * The campaign's urgency against its plan, within [1/{@link #BOUND}, {@link #BOUND}].
   *
   * @param planned what the plan wants delivered by now (NaN: not known yet)
   * @param committed delivered plus promotions in flight (NaN: not known yet)
   * @param budget the campaign's budget
   * @param mode {@code asap} has no plan to be behind or ahead of: its urgency is 1
   */
  public static double of(double planned, double committed, long budget, PacingMode mode) {
    if (mode == PacingMode.ASAP || Double.isNaN(planned) || Double.isNaN(committed)) {
      return 1;
    }
    // at least one delivery, so a tiny budget does not swing the full range on a single play
    double scale = Math.max(FULL_GAP * budget, 1);
    double g = Math.max(-1, Math.min(1, (planned - committed) / scale));
    return Math.exp(g * LN_BOUND);
  }
}
