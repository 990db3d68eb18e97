package io.scoregateway.store;

import io.scoregateway.model.Campaign;
import io.scoregateway.model.DeliveryEvent;
import io.vertx.core.Future;
import java.util.List;

/**
 * Counts deliveries exactly once per event id: campaign side (budget, pacing) and listener side
 * (frequency caps), each in its own Lua call under its own hash tag.
 */
public interface DeliveryLedger {
  /**
   * Records events whose campaigns are given in the same order; the result says, per event, whether
   * it was new on at least one side (false: both sides had counted it before). Fails when Redis
   * cannot confirm; the call is then safe to retry. Frequency counts go to the cap window
   * {@code nowMs} falls in.
   */
  Future<boolean[]> record(List<DeliveryEvent> events, List<Campaign> campaigns, long nowMs);
}
