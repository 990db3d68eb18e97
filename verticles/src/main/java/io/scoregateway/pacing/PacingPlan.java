package io.scoregateway.pacing;

import io.scoregateway.model.Campaign;
import io.scoregateway.model.PacingMode;
import java.util.List;

/** The delivery plan {@code planned(t) = budget * F(t)}; pacing_state.lua implements the same. */
public final class PacingPlan {
  private PacingPlan() {}

  private static final long HOUR_MS = 3_600_000L;
  private static final long DAY_MS = 24 * HOUR_MS;

  /**
   * F(t): 0 at start, 1 at end; {@code asap} has no plan and is treated as "all now". An even plan
   * with a traffic profile advances with the profile's cumulative weight instead of with time.
   */
  public static double fraction(PacingMode mode, long startMs, long endMs, long nowMs, List<Double> profile) {
    if (mode == PacingMode.ASAP || nowMs >= endMs) {
      return 1.0;
    }
    if (nowMs <= startMs) {
      return 0.0;
    }
    if (mode == PacingMode.EVEN && profile != null) {
      double total = weight(profile, endMs) - weight(profile, startMs);
      if (total > 0) {
        return (weight(profile, nowMs) - weight(profile, startMs)) / total;
      }
    }
    double x = (double) (nowMs - startMs) / (endMs - startMs);
    return mode == PacingMode.FRONT_LOADED ? 1 - (1 - x) * (1 - x) : x;
  }

  public static double planned(Campaign c, long nowMs) {
    return c.budget()
        * fraction(c.pacing(), c.start().toEpochMilli(), c.end().toEpochMilli(), nowMs, c.trafficProfile());
  }

  /** Cumulative profile weight (weight-hours) from the epoch to {@code t}. */
  static double weight(List<Double> profile, long t) {
    double perDay = 0;
    for (double w : profile) {
      perDay += w;
    }
    long days = Math.floorDiv(t, DAY_MS);
    long rem = t - days * DAY_MS;
    int hour = (int) (rem / HOUR_MS);
    double acc = days * perDay;
    for (int h = 0; h < hour; h++) {
      acc += profile.get(h);
    }
    return acc + profile.get(hour) * (rem - hour * HOUR_MS) / (double) HOUR_MS;
  }
}
