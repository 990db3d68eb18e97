package io.scoregateway.gateway.sim;

import java.util.ArrayList;
import java.util.List;

/**
 * The synthetic day: how many campaigns, listeners and tracks, how much traffic at peak, and
 * how requests look. Traffic follows a diurnal curve (trough at 04:00, peak at 16:00).
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
    long seed) {

  int slots() {
    return (int) (hours * 3_600_000L / slotMs);
  }

  /** Requests in slot {@code s}: peak times the diurnal shape. */
  int requestsIn(int s) {
    return (int) Math.round(peakRequestsPerSlot * shape((s * (double) slotMs / 3_600_000.0) % 24));
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
