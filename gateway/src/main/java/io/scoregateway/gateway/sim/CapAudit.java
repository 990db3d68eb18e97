package io.scoregateway.gateway.sim;

import io.scoregateway.model.Campaign;
import io.scoregateway.model.DeliveryEvent;
import io.scoregateway.model.FrequencyCap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Independently re-counts every listener's deliveries per campaign in the cap's clock-aligned
 * windows and counts deliveries beyond the cap.
 */
final class CapAudit {
  private final Map<String, FrequencyCap> caps = new HashMap<>();
  private final Map<String, Integer> counts = new HashMap<>();
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
    long window = Math.floorDiv(nowMs, cap.windowSeconds() * 1000);
    int n = counts.merge(e.user() + "|" + e.campaign() + "|" + window, 1, Integer::sum);
    if (n > cap.max()) {
      violations.merge(e.campaign(), 1, Integer::sum);
    }
  }

  int violations(String campaign) {
    return violations.getOrDefault(campaign, 0);
  }
}
