package io.scoregateway.gateway.sim;

/**
 * How hard a simulated flight is: traffic relative to what the budget needs (NaN: the day's mix of
 * budget shares), how late plays arrive after their promotion, the flight's start hour (UTC),
 * whether plans follow the traffic profile or run linearly, and how many instances pace together.
 */
public record SimOptions(
    double demandRatio, long deliveryLagMs, int startHour, Plan plan, int instances) {
  /** The plan the non-asap campaigns get. */
  public enum Plan {
    /** Linear: F = share of the flight elapsed. */
    EVEN,
    /** Shaped by the hourly traffic profile an operator would configure (even and front_loaded). */
    PROFILE
  }

  public static final SimOptions DEFAULT = new SimOptions(Double.NaN, 0, 0, Plan.PROFILE, 1);

  public SimOptions {
    if (instances < 1) {
      throw new IllegalArgumentException("instances must be >= 1");
    }
  }
}
