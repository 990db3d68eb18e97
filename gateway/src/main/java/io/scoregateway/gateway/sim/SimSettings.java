package io.scoregateway.gateway.sim;

import java.util.ArrayList;
import java.util.List;

/**
 * The synthetic day: how many campaigns, listeners and tracks, how much traffic at peak, and how
 * requests look. Traffic follows a diurnal curve (trough at 04:00, peak at 16:00).
 */
public record SimSettings(
    int campaigns,
    int users,
    int tracks,
    int tracksPerCampaign,
    int hours,
    long slotMs,
    int peakRequestsPerSlot,
    int candidatesPerRequest,
    int maxPromoted,
    double playRate,
    int wave,
    long seed,
    SimOptions options) {

  /** The day with instant deliveries, a 00:00 start, profile-shaped plans and one instance. */
  public SimSettings(
      int campaigns,
      int users,
      int tracks,
      int tracksPerCampaign,
      int hours,
      long slotMs,
      int peakRequestsPerSlot,
      int candidatesPerRequest,
      int maxPromoted,
      double playRate,
      int wave,
      long seed) {
    this(
        campaigns,
        users,
        tracks,
        tracksPerCampaign,
        hours,
        slotMs,
        peakRequestsPerSlot,
        candidatesPerRequest,
        maxPromoted,
        playRate,
        wave,
        seed,
        SimOptions.DEFAULT);
  }

  SimSettings with(SimOptions o) {
    return new SimSettings(
        campaigns,
        users,
        tracks,
        tracksPerCampaign,
        hours,
        slotMs,
        peakRequestsPerSlot,
        candidatesPerRequest,
        maxPromoted,
        playRate,
        wave,
        seed,
        o);
  }

  int slots() {
    return (int) (hours * 3_600_000L / slotMs);
  }

  /** Requests in slot {@code s} of the flight: peak times the diurnal shape at that hour of day. */
  int requestsIn(int s) {
    return (int)
        Math.round(
            peakRequestsPerSlot
                * shape((options.startHour() + s * (double) slotMs / 3_600_000.0) % 24));
  }

  /** The gateway's default refresh period for this slot: a quarter slot within 100 ms..5 s. */
  long refreshMs() {
    return Math.max(100, Math.min(5_000, slotMs / 4));
  }

  /** Slots simulated after the flight so that every late play arrives. */
  int tailSlots() {
    return options.deliveryLagMs() == 0
        ? 0
        : (int) ((options.deliveryLagMs() + slotMs - 1) / slotMs) + 1;
  }

  /** The hourly traffic profile an operator would configure for this traffic (UTC hours). */
  List<Double> hourlyProfile() {
    List<Double> out = new ArrayList<>(24);
    for (int h = 0; h < 24; h++) {
      out.add(Math.round(shape(h + 0.5) * 1000) / 1000.0);
    }
    return out;
  }

  /** Diurnal shape: 30% of peak at 04:00, peak at 16:00. */
  private static double shape(double hour) {
    return 0.3 + 0.7 * Math.pow(Math.sin(Math.PI * (hour - 4) / 24), 2);
  }
}
