package io.scoregateway.gateway.sim;

import io.scoregateway.model.Campaign;
import io.scoregateway.model.DeliveryEvent;
import io.scoregateway.model.FrequencyCap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Independently re-counts every listener's deliveries per campaign with the gateway's window rule
 * (a window opens at the first counted delivery) and counts deliveries beyond the cap.
 */
final class CapAudit {
  private final Map<String, FrequencyCap> caps = new HashMap<>();
  private final Map<String, long[]> windows = new HashMap<>();
  private final Map<String, Integer> violations = new HashMap<>();

  CapAudit(List<Campaign> campaigns) {
    for (Campaign c : campaigns) {
      if (c.frequencyCap() != null) {
        caps.put(c.id(), c.frequencyCap());
      }
    }
  }

  void record(DeliveryEvent e, long nowMs) {
    FrequencyCap cap = caps.get(e.campaign());
    if (cap == null) {
      return;
    }
    long[] w = windows.computeIfAbsent(e.user() + "|" + e.campaign(), k -> new long[] {Long.MIN_VALUE, 0});
    if (nowMs >= w[0] + cap.windowSeconds() * 1000) {
      w[0] = nowMs;
      w[1] = 0;
    }
    w[1]++;
    if (w[1] > cap.max()) {
      violations.merge(e.campaign(), 1, Integer::sum);
    }
  }

  int violations(String campaign) {
    return violations.getOrDefault(campaign, 0);
  }
}
