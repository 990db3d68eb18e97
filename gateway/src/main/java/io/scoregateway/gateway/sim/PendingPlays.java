package io.scoregateway.gateway.sim;

import io.scoregateway.model.DeliveryEvent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * Plays waiting in simulated time: each is stamped with the time it is played (its promotion plus a
 * lag) and handed to the delivery recorder only once the clock reaches that time, as a listener's
 * client would report it.
 */
final class PendingPlays {
  /** A play due at {@code event.ts()}, reported by the instance that promoted it. */
  record Play(DeliveryEvent event, int instance) {}

  private final PriorityQueue<Play> queue =
      new PriorityQueue<>((a, b) -> a.event().ts().compareTo(b.event().ts()));
  private final Map<String, Integer> perCampaign = new HashMap<>();

  void add(Play p) {
    queue.add(p);
    perCampaign.merge(p.event().campaign(), 1, Integer::sum);
  }

  /** Plays of this campaign not yet reported. */
  int inFlight(String campaign) {
    return perCampaign.getOrDefault(campaign, 0);
  }

  /** Takes every play due by {@code nowMs}. */
  List<Play> due(long nowMs) {
    List<Play> out = new ArrayList<>();
    while (!queue.isEmpty() && queue.peek().event().ts().toEpochMilli() <= nowMs) {
      Play p = queue.poll();
      perCampaign.merge(p.event().campaign(), -1, Integer::sum);
      out.add(p);
    }
    return out;
  }

  boolean isEmpty() {
    return queue.isEmpty();
  }

  /** When the next play is due (only when not empty). */
  long nextDueMs() {
    return queue.peek().event().ts().toEpochMilli();
  }
}
