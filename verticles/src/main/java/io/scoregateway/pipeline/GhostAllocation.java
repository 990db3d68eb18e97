package io.scoregateway.pipeline;

import io.scoregateway.allocate.AllocationPolicy;
import io.scoregateway.allocate.FrequencyCapAllocator;
import io.scoregateway.allocate.SlotAllocator;
import io.scoregateway.allocate.SurfaceRules;
import io.scoregateway.model.Campaign;
import io.scoregateway.model.Decision;
import io.scoregateway.model.Reason;
import io.scoregateway.model.ScoreRequest;
import io.scoregateway.pacing.CampaignPacer;

/**
 * The answer's limits as the held-out candidates would have met them: had they been promoted beside
 * the real promotions, would they have stayed within the listener's frequency allowance, and won
 * the contest for {@code max_promoted} and the per-label limit under the surface's policy (the same
 * weights as {@link AnswerAllocation})? Only the held-out outcomes change; the answer is already
 * settled without them.
 */
final class GhostAllocation {
  private GhostAllocation() {}

  /**
   * @param pacers each campaign's pacer, by the lookups' campaign index (null when not in play)
   * @param remaining by campaign index, the deliveries the listener may still receive ({@link
   *     FrequencyCapAllocator#UNCAPPED} when uncapped)
   */
  static void settle(
      ScoreExchange ex,
      Lookups lookups,
      CampaignPacer[] pacers,
      SurfaceRules rules,
      long[] remaining) {
    DecisionInputs in = ex.inputs();
    if (!in.anyHeldOut()) {
      return;
    }
    int n = ex.size();
    String[] campaigns = new String[n];
    boolean[] promoted = new boolean[n];
    double[] score = new double[n];
    boolean anyGhost = false;
    for (int i = 0; i < n; i++) {
      Decision d = ex.decision(i);
      campaigns[i] = d == null ? null : d.campaign();
      if (in.ghost(i)) {
        promoted[i] = true;
        score[i] = in.wouldBeScore(i);
        anyGhost = true;
      } else {
        promoted[i] = d != null && d.promoted();
        score[i] = d == null ? 0 : d.score();
      }
    }
    if (!anyGhost) {
      return;
    }
    // by entry in play: the same contest as the answer's, ghosts counted as promoted
    int m = lookups.size;
    boolean[] entryPromoted = new boolean[m];
    double[] entryScore = new double[m];
    for (int j = 0; j < m; j++) {
      entryPromoted[j] = promoted[lookups.positions[j]];
      entryScore[j] = score[lookups.positions[j]];
    }
    boolean[] capped = lookups.frequencyCapped(entryPromoted, entryScore, remaining);
    for (int j = 0; j < m; j++) {
      if (capped[j]) {
        int i = lookups.positions[j];
        promoted[i] = false;
        if (in.ghost(i)) {
          in.wouldLose(i, Reason.FREQUENCY_CAPPED);
        }
      }
    }
    ScoreRequest req = ex.request();
    if (!req.limitsSlots() && !rules.limitsLabels()) {
      return;
    }
    boolean balanced = rules.policy() == AllocationPolicy.BALANCED;
    double[] weights = new double[n];
    String[] labels = rules.limitsLabels() ? new String[n] : null;
    double[] urgency = new double[lookups.campaigns()];
    boolean[] known = new boolean[urgency.length];
    // every promotion, real or ghost, is a looked-up position
    for (int j = 0; j < lookups.size; j++) {
      int i = lookups.positions[j];
      if (!promoted[i]) {
        continue;
      }
      int k = lookups.campaignAt[j];
      Campaign c = lookups.campaignOf(k);
      if (labels != null) {
        labels[i] = c.label();
      }
      double u = 1;
      if (balanced) {
        if (!known[k]) {
          urgency[k] = AnswerAllocation.urgency(c, pacers[k]);
          known[k] = true;
        }
        u = urgency[k];
      }
      weights[i] = rules.policy().weight(score[i], u);
    }
    Reason[] lost =
        SlotAllocator.allocate(
                req.candidates(), labels, promoted, weights, req.maxPromoted(), rules.perLabel())
            .lost();
    for (int i = 0; i < n; i++) {
      if (lost[i] != null && in.ghost(i)) {
        in.wouldLose(i, lost[i]);
      }
    }
  }
}
