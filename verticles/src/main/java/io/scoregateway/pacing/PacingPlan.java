package io.scoregateway.pacing;

import io.scoregateway.model.Campaign;
import io.scoregateway.model.PacingMode;

/** The delivery plan {@code planned(t) = budget * F(t)}; pacing_state.lua implements the same. */
public final class PacingPlan {
  private PacingPlan() {}

  /** F(t): 0 at start, 1 at end; {@code asap} has no plan and is treated as "all now". */
  public static double fraction(PacingMode mode, long startMs, long endMs, long nowMs) {
    if (mode == PacingMode.ASAP || nowMs >= endMs) {
      return 1.0;
    }
    if (nowMs <= startMs) {
      return 0.0;
    }
    double x = (double) (nowMs - startMs) / (endMs - startMs);
    return mode == PacingMode.FRONT_LOADED ? 1 - (1 - x) * (1 - x) : x;
  }

  public static double planned(Campaign c, long nowMs) {
    return c.budget()
        * fraction(c.pacing(), c.start().toEpochMilli(), c.end().toEpochMilli(), nowMs);
  }
}
