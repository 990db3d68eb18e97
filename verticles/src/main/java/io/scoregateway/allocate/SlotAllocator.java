package io.scoregateway.allocate;

import io.scoregateway.model.Reason;
import java.util.ArrayList;
import java.util.Arrays;
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
   * how many tracks of its label were already kept when it was weighed (-1: no label). A class, not
   * a record: its arrays are handed over as they are (no copy on the scoring path), and a record
   * would compare them by identity.
   */
  public static final class Outcome {
    private final Reason[] lost;
    private final int[] labelCount;

    Outcome(Reason[] lost, int[] labelCount) {
      this.lost = lost;
      this.labelCount = labelCount;
    }

    /** By position: the reason it lost its promotion, or null. */
    public Reason[] lost() {
      return lost;
    }

    /** By position: the kept tracks of its label when it was weighed, or -1. */
    public int[] labelCount() {
      return labelCount;
    }
  }

  /**
   * Which promoted positions keep their promotion under both limits, and why the others lost it.
   *
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
    Arrays.fill(labelCount, -1);
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
   * @param tracks the candidate tracks, in request order
   * @param promoted which positions passed every gate
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
