package io.scoregateway.allocate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Chooses which promoted candidates keep their slot under {@code max_promoted}: the highest scores
 * win, ties go to the earlier position. A track listed twice takes one slot and both of its
 * positions keep the same answer.
 */
public final class SlotAllocator {
  private SlotAllocator() {}

  /**
   * Which promoted positions lose their slot under {@code max_promoted}.
   *
   * @param tracks the candidate tracks, in request order
   * @param promoted which positions passed every gate
   * @param scores the final score of each position
   * @param maxPromoted the number of distinct tracks that may stay promoted
   * @return for each position, true when it loses its slot
   */
  public static boolean[] losers(
      List<String> tracks, boolean[] promoted, double[] scores, int maxPromoted) {
    Map<String, Integer> first = new HashMap<>();
    List<Integer> contenders = new ArrayList<>();
    for (int i = 0; i < tracks.size(); i++) {
      if (promoted[i] && first.putIfAbsent(tracks.get(i), i) == null) {
        contenders.add(i);
      }
    }
    boolean[] lost = new boolean[tracks.size()];
    if (contenders.size() <= maxPromoted) {
      return lost;
    }
    contenders.sort(
        (a, b) ->
            scores[a] != scores[b] ? Double.compare(scores[b], scores[a]) : Integer.compare(a, b));
    Map<String, Boolean> keeps = new HashMap<>();
    for (int rank = 0; rank < contenders.size(); rank++) {
      keeps.put(tracks.get(contenders.get(rank)), rank < maxPromoted);
    }
    for (int i = 0; i < tracks.size(); i++) {
      lost[i] = promoted[i] && !keeps.get(tracks.get(i));
    }
    return lost;
  }
}
