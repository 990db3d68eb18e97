package io.scoregateway.pipeline;

import io.scoregateway.allocate.AllocationPolicy;
import io.scoregateway.allocate.SlotAllocator;
import io.scoregateway.allocate.SurfaceRules;
import io.scoregateway.allocate.Urgency;
import io.scoregateway.model.Campaign;
import io.scoregateway.model.Decision;
import io.scoregateway.model.ScoreRequest;
import io.scoregateway.pacing.CampaignPacer;
import java.util.HashMap;
import java.util.Map;

/**
 * Applies {@link SlotAllocator} to an answer: the promoted candidates compete by the surface's
 * policy ({@code balanced}: score times the campaign's urgency, from the pacing view), under the
 * request's {@code max_promoted} and the surface's per-label limit; the losers give their promotion
 * back to the lease. The score a kept candidate answers stays base times boost. Urgency is worked
 * out once per distinct campaign, and the whole step runs only when it can change an answer (or
 * explain asks for the label counts).
 */
final class AnswerAllocation {
  private AnswerAllocation() {}

  /**
   * Whether this answer has anything to allocate: more promoted positions than {@code
   * max_promoted}, or some label with more promoted positions than the surface allows, or explain
   * asking for the label counts the allocation sees.
   *
   * @param promotedOf promoted positions per campaign met, by the lookups' campaign index
   * @param promoted promoted positions in all
   */
  static boolean needed(
      ScoreRequest req, SurfaceRules rules, Lookups lookups, int[] promotedOf, int promoted) {
    if (promoted == 0) {
      return false;
    }
    if (req.limitsSlots() && promoted > req.maxPromoted()) {
      return true;
    }
    if (!rules.limitsLabels()) {
      return false;
    }
    if (req.explain()) {
      return true;
    }
    Map<String, Integer> perLabel = null;
    for (int k = 0; k < lookups.campaigns(); k++) {
      String label = lookups.campaignOf(k).label();
      if (label == null || promotedOf[k] == 0) {
        continue;
      }
      if (promotedOf[k] > rules.perLabel()) {
        return true;
      }
      if (perLabel == null) {
        perLabel = new HashMap<>();
      }
      if (perLabel.merge(label, promotedOf[k], Integer::sum) > rules.perLabel()) {
        return true;
      }
    }
    return false;
  }

  /**
   * Decides the contest among the promoted positions in play.
   *
   * @param pacers each campaign's pacer, by the lookups' campaign index (null when not in play)
   */
  static void allocate(
      ScoreExchange ex, Lookups lookups, CampaignPacer[] pacers, SurfaceRules rules) {
    int n = ex.size();
    boolean balanced = rules.policy() == AllocationPolicy.BALANCED;
    boolean[] promoted = new boolean[n];
    double[] weights = new double[n];
    String[] labels = rules.limitsLabels() ? new String[n] : null;
    // per campaign met: its urgency, worked out on the first promoted position that needs it
    double[] urgency = new double[lookups.campaigns()];
    boolean[] known = new boolean[urgency.length];
    for (int j = 0; j < lookups.size; j++) {
      int i = lookups.positions[j];
      Decision d = ex.decision(i);
      if (!d.promoted()) {
        continue;
      }
      int k = lookups.campaignAt[j];
      Campaign c = lookups.campaignOf(k);
      promoted[i] = true;
      if (labels != null) {
        labels[i] = c.label();
      }
      double u = 1;
      if (balanced) {
        if (!known[k]) {
          urgency[k] = urgency(c, pacers[k]);
          known[k] = true;
        }
        u = urgency[k];
      }
      weights[i] = rules.policy().weight(d.score(), u);
    }
    SlotAllocator.Outcome o =
        SlotAllocator.allocate(
            ex.request().candidates(),
            labels,
            promoted,
            weights,
            ex.request().maxPromoted(),
            rules.perLabel());
    for (int j = 0; j < lookups.size; j++) {
      int i = lookups.positions[j];
      if (!promoted[i]) {
        continue;
      }
      Decision d = ex.decision(i);
      boolean counted = d.explain() != null && labels != null && labels[i] != null;
      Decision.Explain why = counted ? d.explain().withLabelCount(o.labelCount()[i]) : d.explain();
      if (o.lost()[i] != null) {
        pacers[lookups.campaignAt[j]].release();
        ex.decide(i, ex.campaign(i), new Decision(o.lost()[i], 0, d.campaign(), why));
      } else if (counted) {
        ex.decide(i, ex.campaign(i), new Decision(d.reason(), d.score(), d.campaign(), why));
      }
    }
  }

  /** The campaign's urgency from what its pacer learned at the last refresh. */
  static double urgency(Campaign c, CampaignPacer p) {
    return Urgency.of(p.planned(), p.committed(), c.budget(), c.pacing());
  }
}
