package io.scoregateway.pipeline;

import io.scoregateway.allocate.AllocationPolicy;
import io.scoregateway.allocate.SurfaceRules;
import io.scoregateway.model.Campaign;
import io.scoregateway.model.Decision;
import io.scoregateway.pacing.CampaignPacer;

/** The inputs {@code explain: true} shows for a candidate that reached the looked-up gates. */
final class Explanations {
  private Explanations() {}

  static Decision.Explain of(
      Campaign c, double base, CampaignPacer pacer, long userCount, SurfaceRules rules) {
    double urgency =
        rules.policy() == AllocationPolicy.BALANCED
            ? AnswerAllocation.urgency(c, pacer)
            : Double.NaN;
    return new Decision.Explain(
        base,
        c.boost(),
        pacer.passRate(),
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
