package io.scoregateway.pipeline;

import io.scoregateway.allocate.Guardrails;
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
   * The gates on looked-up state, the surface's guardrails and the instance's pacing view; {@link
   * Reason#PROMOTED} when all pass, which takes one promotion from the campaign's lease. {@code
   * admissionUnit} is the listener's {@link io.scoregateway.pacing.AdmissionHash#unit} for the
   * campaign and slot; {@code floor} the surface's relevance floor (0: none); {@code heldBack}
   * whether the engagement hold keeps this listener from the campaign ({@link
   * Guardrails#heldBack}). The last two, like the admission unit, are the same for every candidate
   * of the campaign in one request, so the pipeline works them out once per campaign.
   */
  public static Reason afterLookup(
      Campaign c,
      double baseScore,
      CampaignPacer pacer,
      long userCount,
      double admissionUnit,
      double floor,
      boolean heldBack) {
    return gates(c, baseScore, pacer, userCount, admissionUnit, floor, heldBack, true);
  }

  /**
   * The decision a held-out candidate would have had: the gates of {@link #afterLookup} in the same
   * order, with the same floor and engagement hold, taking nothing from the lease and counting
   * nothing.
   */
  public static Reason wouldBe(
      Campaign c,
      double baseScore,
      CampaignPacer pacer,
      long userCount,
      double admissionUnit,
      double floor,
      boolean heldBack) {
    return gates(c, baseScore, pacer, userCount, admissionUnit, floor, heldBack, false);
  }

  /** The gates after the lookups; {@code take}: count the attempt and take from the lease. */
  private static Reason gates(
      Campaign c,
      double baseScore,
      CampaignPacer pacer,
      long userCount,
      double admissionUnit,
      double floor,
      boolean heldBack,
      boolean take) {
    if (Double.isNaN(baseScore) || baseScore <= 0) {
      return Reason.NO_SCORE;
    }
    if (baseScore < floor) {
      return Reason.BELOW_FLOOR;
    }
    if (pacer.exhausted()) {
      if (take) {
        pacer.exhaustedAttempt();
      }
      return Reason.BUDGET_EXHAUSTED;
    }
    if (c.frequencyCap() != null && userCount >= c.frequencyCap().max()) {
      return Reason.FREQUENCY_CAPPED;
    }
    if (heldBack) {
      if (take) {
        pacer.heldAttempt();
      }
      return Reason.ENGAGEMENT_HOLD;
    }
    return take ? pacer.admit(admissionUnit) : pacer.wouldAdmit(admissionUnit);
  }
}
