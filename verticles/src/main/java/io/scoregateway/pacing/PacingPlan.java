package io.scoregateway.pacing;

import io.scoregateway.model.Campaign;
import io.scoregateway.model.PacingMode;
import java.util.List;

/**
 * The delivery plan {@code planned(t) = budget * F(t)}; pacing_refresh.lua implements the same. F
 * advances with the flight's elapsed time, weighted by the hourly traffic profile when one is set;
 * {@code front_loaded} bends it to {@code 1 - (1 - x)^2}. A re-plan (resume, budget or flight
 * change) keeps what was committed at that moment and spreads only the remainder over the rest of
 * the flight; a paused campaign's plan is frozen.
 */
public final class PacingPlan {
  private static final long HOUR_MS = 3_600_000L;
  private static final long DAY_MS = 24 * HOUR_MS;

  private PacingPlan() {}

  /** The plan of one flight shape. */
  public record Shape(PacingMode mode, long startMs, long endMs, List<Double> profile) {
    public static Shape of(Campaign c) {
      return new Shape(
          c.pacing(), c.start().toEpochMilli(), c.end().toEpochMilli(), c.trafficProfile());
    }
  }

  /** F(t): 0 at start, 1 at end, shaped by mode and profile; {@code asap} is "all now". */
  public static double fraction(Shape s, long nowMs) {
    if (s.mode() == PacingMode.ASAP || nowMs >= s.endMs()) {
      return 1.0;
    }
    if (nowMs <= s.startMs()) {
      return 0.0;
    }
    double x = (double) (nowMs - s.startMs()) / (s.endMs() - s.startMs());
    if (s.profile() != null) {
      double total = weight(s.profile(), s.endMs()) - weight(s.profile(), s.startMs());
      if (total > 0) {
        x = (weight(s.profile(), nowMs) - weight(s.profile(), s.startMs())) / total;
      }
    }
    return s.mode() == PacingMode.FRONT_LOADED ? 1 - (1 - x) * (1 - x) : x;
  }

  /**
   * What should be delivered by {@code nowMs}: {@code base} committed at {@code baseMs} (the last
   * re-plan; {@code baseMs < 0} = none, the plan runs from the start), plus the rest of the budget
   * spread over the rest of the flight. {@code frozen} (not NaN) is a paused campaign's plan.
   */
  public static double planned(
      Shape s, long budget, double base, long baseMs, double frozen, long nowMs) {
    if (s.mode() == PacingMode.ASAP) {
      return budget;
    }
    if (!Double.isNaN(frozen)) {
      return frozen;
    }
    if (baseMs < 0) {
      return budget * fraction(s, nowMs);
    }
    if (nowMs >= s.endMs()) {
      return Math.max(base, (double) budget);
    }
    if (nowMs <= baseMs) {
      return base;
    }
    double f0 = fraction(s, baseMs);
    if (f0 >= 1) {
      return Math.max(base, (double) budget);
    }
    return base + Math.max(0, budget - base) * (fraction(s, nowMs) - f0) / (1 - f0);
  }

  /** The plan of a campaign that was never re-planned. */
  public static double planned(Campaign c, long nowMs) {
    return planned(Shape.of(c), c.budget(), 0, -1, Double.NaN, nowMs);
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
