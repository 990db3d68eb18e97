package io.scoregateway.pipeline;

import io.scoregateway.allocate.AllocationPolicy;
import io.scoregateway.allocate.SlotAllocator;
import io.scoregateway.allocate.SurfaceRules;
import io.scoregateway.allocate.Urgency;
import io.scoregateway.model.Campaign;
import io.scoregateway.model.Decision;
import io.scoregateway.pacing.CampaignPacer;
import io.scoregateway.pacing.PacingView;

/**
 * Applies {@link SlotAllocator} to an answer: the promoted candidates compete by the surface's
 * policy ({@code balanced}: score times the campaign's urgency, from the pacing view), under the
 * request's {@code max_promoted} and the surface's per-label limit; the losers give their promotion
 * back to the lease. The score a kept candidate answers stays base times boost.
 */
final class AnswerAllocation {
  private AnswerAllocation() {}

  /** Whether this answer has anything to allocate. */
  static boolean needed(ScoreExchange ex, SurfaceRules rules) {
    return ex.request().limitsSlots() || rules.limitsLabels();
  }

  static void allocate(ScoreExchange ex, PacingView pacing, SurfaceRules rules) {
    int n = ex.size();
    boolean[] promoted = new boolean[n];
    double[] weights = new double[n];
    String[] labels = new String[n];
    for (int i = 0; i < n; i++) {
      Decision d = ex.decision(i);
      if (d != null && d.promoted()) {
        Campaign c = ex.campaign(i);
        promoted[i] = true;
        labels[i] = c.label();
        double u =
            rules.policy() == AllocationPolicy.BALANCED ? urgency(c, pacing.pacer(c.id())) : 1;
        weights[i] = rules.policy().weight(d.score(), u);
      }
    }
    SlotAllocator.Outcome o =
        SlotAllocator.allocate(
            ex.request().candidates(),
            labels,
            promoted,
            weights,
            ex.request().maxPromoted(),
            rules.perLabel());
    for (int i = 0; i < n; i++) {
      if (!promoted[i]) {
        continue;
      }
      Decision d = ex.decision(i);
      Decision.Explain why =
          d.explain() == null || labels[i] == null
              ? d.explain()
              : d.explain().withLabelCount(o.labelCount()[i]);
      if (o.lost()[i] != null) {
        pacing.pacer(d.campaign()).release();
        ex.decide(i, ex.campaign(i), new Decision(o.lost()[i], 0, d.campaign(), why));
      } else if (why != d.explain()) {
        ex.decide(i, ex.campaign(i), new Decision(d.reason(), d.score(), d.campaign(), why));
      }
    }
  }

  /** The campaign's urgency from what its pacer learned at the last refresh. */
  static double urgency(Campaign c, CampaignPacer p) {
    return Urgency.of(p.planned(), p.committed(), c.budget(), c.pacing());
  }
}
