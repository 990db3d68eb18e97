package io.scoregateway.pipeline;

import io.scoregateway.allocate.FrequencyCapAllocator;
import io.scoregateway.allocate.SlotAllocator;
import io.scoregateway.model.Decision;
import io.scoregateway.model.Reason;
import java.util.Map;

/**
 * The answer's limits as the held-out candidates would have met them: had they been promoted beside
 * the real promotions, would they have kept their slot and stayed within the listener's frequency
 * allowance? Only the held-out outcomes change; the answer is already settled without them.
 */
final class GhostAllocation {
  private GhostAllocation() {}

  static void settle(ScoreExchange ex, Map<String, Long> remaining) {
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
    boolean[] capped =
        FrequencyCapAllocator.capped(
            ex.request().candidates(), campaigns, promoted, score, remaining);
    for (int i = 0; i < n; i++) {
      if (capped[i]) {
        promoted[i] = false;
        if (in.ghost(i)) {
          in.wouldLose(i, Reason.FREQUENCY_CAPPED);
        }
      }
    }
    if (!ex.request().limitsSlots()) {
      return;
    }
    boolean[] lost =
        SlotAllocator.losers(
            ex.request().candidates(), promoted, score, ex.request().maxPromoted());
    for (int i = 0; i < n; i++) {
      if (lost[i] && in.ghost(i)) {
        in.wouldLose(i, Reason.SLOT_LIMIT);
      }
    }
  }
}
