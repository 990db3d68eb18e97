package io.scoregateway.pacing;

import io.scoregateway.model.Campaign;

/**
 * What of a campaign's config the controller reacts to (budget, pacing mode, flight, traffic
 * profile, status), as one short string: a change re-plans the remainder, a pause freezes the plan.
 */
public final class PacingRevision {
  private PacingRevision() {}

  public static String of(Campaign c) {
    String plan =
        c.budget()
            + "|"
            + c.pacing().wire()
            + "|"
            + c.start().toEpochMilli()
            + "|"
            + c.end().toEpochMilli()
            + "|"
            + c.status().wire()
            + "|"
            + c.trafficProfile();
    return Integer.toHexString(plan.hashCode()) + "-" + Integer.toHexString(plan.length());
  }
}
