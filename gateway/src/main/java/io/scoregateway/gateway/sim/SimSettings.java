package io.scoregateway.gateway.sim;

/**
 * The synthetic day: how many campaigns, listeners and tracks, how much traffic at peak, and
 * how requests look. Traffic follows a diurnal curve (trough at 04:00, peak at 16:00).
 */
record SimSettings(
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

  /** Requests in slot {@code s}: peak times the diurnal shape, never below 30% of peak. */
  int requestsIn(int s) {
    double hour = (s * (double) slotMs / 3_600_000.0) % 24;
    double shape = 0.3 + 0.7 * Math.pow(Math.sin(Math.PI * (hour - 4) / 24), 2);
    return (int) Math.round(peakRequestsPerSlot * shape);
  }
}
