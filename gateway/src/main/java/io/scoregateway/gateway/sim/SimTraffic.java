package io.scoregateway.gateway.sim;

import io.scoregateway.model.Campaign;
import io.scoregateway.model.ScoreRequest;
import java.util.List;

/** What a simulated flight replays: the campaigns as configured at a time, and the requests. */
interface SimTraffic {
  /** A score request and the instance it reaches. */
  record Arrival(int instance, ScoreRequest request) {}

  /** Slots in the flight (the run adds a tail for late plays). */
  int slots();

  /**
   * The catalog at {@code nowMs}; a changed config is a new list (compared by identity), which the
   * run publishes as a new catalog, as the gateway sees an operator's change.
   */
  List<Campaign> campaigns(long nowMs);

  /**
   * The requests arriving during refresh period {@code period} (of {@code periods}) of flight slot
   * {@code slot}.
   */
  List<Arrival> arrivals(int slot, int period, int periods, long fromMs, long toMs);
}
