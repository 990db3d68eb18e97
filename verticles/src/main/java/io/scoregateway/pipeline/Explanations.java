package io.scoregateway.pipeline;

import io.scoregateway.allocate.AllocationPolicy;
import io.scoregateway.allocate.SurfaceRules;
import io.scoregateway.model.Campaign;
import io.scoregateway.model.Decision;
import io.scoregateway.pacing.CampaignPacer;

/** The inputs {@code explain: true} shows for a candidate that reached the looked-up gates. */
final class Explanations {
  private Explanations() {}

  /**
   * @param passRate the campaign's pass rate as the gates read it (once per campaign and answer, so
   *     explain and the exposure log show the same one)
   */
  static Decision.Explain of(
      Campaign c,
      double base,
      CampaignPacer pacer,
      double passRate,
      long userCount,
      SurfaceRules rules) {
    double urgency =
        rules.policy() == AllocationPolicy.BALANCED
            ? AnswerAllocation.urgency(c, pacer)
            : Double.NaN;
    return new Decision.Explain(
        base,
        c.boost(),
        passRate,
        pacer.delivered(),
        pacer.planned(),
        userCount,
        urgency,
        rules.floor() > 0 ? rules.floor() : Double.NaN,
        c.label(),
        -1,
        rules.perLabel(),
        pacer.plays(),
        pacer.skips(),
        rules.held(pacer.plays(), pacer.skips()));
  }
}
