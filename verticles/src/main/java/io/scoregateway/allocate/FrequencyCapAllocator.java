package io.scoregateway.allocate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Keeps one answer within each campaign's remaining frequency allowance: when an answer would
 * promote more of a campaign's tracks than the listener may still receive, the best-scoring ones
 * keep the promotion (ties: earlier position) and the rest are frequency-capped. A track listed
 * twice uses the allowance once.
 */
public final class FrequencyCapAllocator {
  private FrequencyCapAllocator() {}

  /**
   * Which promoted positions lose their promotion to the listener's frequency caps.
   *
   * @param tracks candidate tracks in request order
   * @param campaigns each position's campaign id (null when not enrolled)
   * @param promoted which positions passed every gate
   * @param scores each position's final score
   * @param remaining per capped campaign, deliveries the listener may still receive; campaigns
   *     absent from the map are uncapped
   * @return for each position, true when it must be frequency-capped
   */
  public static boolean[] capped(
      List<String> tracks,
      String[] campaigns,
      boolean[] promoted,
      double[] scores,
      Map<String, Long> remaining) {
    boolean[] out = new boolean[tracks.size()];
    if (remaining.isEmpty()) {
      return out;
    }
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < tracks.size(); i++) {
      if (promoted[i] && remaining.containsKey(campaigns[i])) {
        order.add(i);
      }
    }
    order.sort(
        (a, b) ->
            scores[a] != scores[b] ? Double.compare(scores[b], scores[a]) : Integer.compare(a, b));
    Map<String, Long> left = new HashMap<>(remaining);
    Set<String> kept = new HashSet<>();
    Set<String> dropped = new HashSet<>();
    for (int i : order) {
      String key = campaigns[i] + "\u0000" + tracks.get(i);
      if (kept.contains(key)) {
        continue;
      }
      if (dropped.contains(key) || left.get(campaigns[i]) <= 0) {
        dropped.add(key);
        out[i] = true;
      } else {
        left.merge(campaigns[i], -1L, Long::sum);
        kept.add(key);
      }
    }
    return out;
  }
}
