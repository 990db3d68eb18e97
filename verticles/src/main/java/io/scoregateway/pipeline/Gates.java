package io.scoregateway.pipeline;

import io.scoregateway.model.Campaign;
import io.scoregateway.model.CampaignStatus;
import io.scoregateway.model.Reason;
import io.scoregateway.model.ScoreRequest;
import io.scoregateway.pacing.CampaignPacer;

/** The decision gates in their contract order; pure functions of already-fetched inputs. */
public final class Gates {
  private Gates() {}

  /** The gates needing no Redis: null when the candidate goes on to the lookups. */
  public static Reason beforeLookup(Campaign c, ScoreRequest req, long nowMs) {
    if (c == null) {
      return Reason.NOT_ENROLLED;
    }
    if (c.status() == CampaignStatus.PAUSED) {
      return Reason.PAUSED;
    }
    if (!c.inFlight(nowMs)) {
      return Reason.OUTSIDE_FLIGHT;
    }
    if (!c.allowsSurface(req.surface())) {
      return Reason.SURFACE_EXCLUDED;
    }
    if (!c.allowsMarket(req.market())) {
      return Reason.MARKET_EXCLUDED;
    }
    return null;
  }

  /**
   * The gates on looked-up state and the instance's pacing view; {@link Reason#PROMOTED} when all
   * pass, which takes one promotion from the campaign's lease. {@code admissionUnit} is the
   * listener's {@link io.scoregateway.pacing.AdmissionHash#unit} for the campaign and slot.
   */
  public static Reason afterLookup(
      Campaign c, double baseScore, CampaignPacer pacer, long userCount, double admissionUnit) {
    if (Double.isNaN(baseScore) || baseScore <= 0) {
      return Reason.NO_SCORE;
    }
    if (pacer.exhausted()) {
      pacer.exhaustedAttempt();
      return Reason.BUDGET_EXHAUSTED;
    }
    if (c.frequencyCap() != null && userCount >= c.frequencyCap().max()) {
      return Reason.FREQUENCY_CAPPED;
    }
    return pacer.admit(admissionUnit);
  }
}
