package io.scoregateway.pacing;

import io.scoregateway.model.Campaign;
import io.scoregateway.model.CampaignStatus;
import java.util.Locale;

/**
 * The operator-facing state of a campaign, derived from config, clock and pacing numbers: whether
 * it runs, and how its deliveries stand against its plan ({@link PacingPlan#planned}).
 */
public enum CampaignState {
  SCHEDULED,
  PACING,
  AHEAD,
  BEHIND,
  EXHAUSTED,
  ENDED,
  PAUSED;

  /** Deviation from plan tolerated as "pacing", as a share of budget. */
  static final double TOLERANCE = 0.02;

  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static CampaignState of(Campaign c, long delivered, double planned, long nowMs) {
    if (c.isEnded(nowMs)) {
      return ENDED;
    }
    if (delivered >= c.budget()) {
      return EXHAUSTED;
    }
    if (c.status() == CampaignStatus.PAUSED) {
      return PAUSED;
    }
    if (!c.inFlight(nowMs)) {
      return SCHEDULED;
    }
    double slack = Math.max(1, TOLERANCE * c.budget());
    if (delivered > planned + slack) {
      return AHEAD;
    }
    if (delivered < planned - slack) {
      return BEHIND;
    }
    return PACING;
  }
}
