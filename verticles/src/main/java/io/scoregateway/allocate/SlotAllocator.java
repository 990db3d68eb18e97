package io.scoregateway.allocate;

import io.scoregateway.model.Reason;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Chooses which promoted candidates keep their promotion under {@code max_promoted} and the
 * per-label limit, decided together: contenders are taken by weight (ties: earlier position); one
 * whose label already has its limit of kept tracks answers {@code label_limit}, one that finds
 * every slot taken answers {@code slot_limit}. A track listed twice contends once and both of its
 * positions keep the same answer.
 */
public final class SlotAllocator {
  private SlotAllocator() {}

  /**
   * Per position: null when kept (or not promoted), else the reason it lost; and, for contenders,
   * how many tracks of its label were already kept when it was weighed (-1: no label).
   */
  public record Outcome(Reason[] lost, int[] labelCount) {}

  /**
   * @param tracks the candidate tracks, in request order
   * @param labels each position's campaign label (null: none; the array may be null)
   * @param promoted which positions passed every gate
   * @param weights what each position competes with (its score, times urgency when balanced)
   * @param maxPromoted distinct tracks that may stay promoted; negative = no limit
   * @param perLabel kept tracks per label; 0 = no limit
   */
  public static Outcome allocate(
      List<String> tracks,
      String[] labels,
      boolean[] promoted,
      double[] weights,
      int maxPromoted,
      int perLabel) {
    int n = tracks.size();
    Map<String, Integer> first = new HashMap<>();
    List<Integer> contenders = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      if (promoted[i] && first.putIfAbsent(tracks.get(i), i) == null) {
        contenders.add(i);
      }
    }
    Reason[] lost = new Reason[n];
    int[] labelCount = new int[n];
    java.util.Arrays.fill(labelCount, -1);
    contenders.sort(
        (a, b) ->
            weights[a] != weights[b]
                ? Double.compare(weights[b], weights[a])
                : Integer.compare(a, b));
    Map<String, Integer> perLabelKept = new HashMap<>();
    int kept = 0;
    for (int i : contenders) {
      String label = labels == null ? null : labels[i];
      int seen = label == null ? -1 : perLabelKept.getOrDefault(label, 0);
      labelCount[i] = seen;
      if (perLabel > 0 && seen >= perLabel) {
        lost[i] = Reason.LABEL_LIMIT;
      } else if (maxPromoted >= 0 && kept >= maxPromoted) {
        lost[i] = Reason.SLOT_LIMIT;
      } else {
        kept++;
        if (label != null) {
          perLabelKept.merge(label, 1, Integer::sum);
        }
      }
    }
    for (int i = 0; i < n; i++) {
      if (promoted[i]) {
        int f = first.get(tracks.get(i));
        lost[i] = lost[f];
        labelCount[i] = labelCount[f];
      }
    }
    return new Outcome(lost, labelCount);
  }

  /**
   * The {@code relevance} rule without labels: for each position, true when it loses its slot.
   *
   * @param scores the final score of each position
   * @param maxPromoted the number of distinct tracks that may stay promoted
   */
  public static boolean[] losers(
      List<String> tracks, boolean[] promoted, double[] scores, int maxPromoted) {
    Reason[] lost = allocate(tracks, null, promoted, scores, maxPromoted, 0).lost();
    boolean[] out = new boolean[lost.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = lost[i] != null;
    }
    return out;
  }
}
