package io.scoregateway.store;

import io.scoregateway.model.Campaign;
import io.scoregateway.model.DeliveryEvent;
import io.vertx.core.Future;
import java.util.List;
import java.util.Map;

/**
 * Counts deliveries exactly once per (campaign, event id): campaign side (budget, pacing) and
 * listener side (frequency caps), each in its own Lua call under its own hash tag. The campaign
 * side decides; the listener side follows it.
 */
public interface DeliveryLedger {
  /** Counted now. */
  int COUNTED = 1;

  /** Counted before with the same content: a retry. */
  int DUPLICATE = 0;

  /** The id was counted before for another listener or track: refused. */
  int CONFLICT = -1;

  /** Per event its outcome, and each touched campaign's delivered count after the call. */
  // a reply read once by position, never compared or hashed
  @SuppressWarnings("ArrayRecordComponent")
  record Recorded(int[] outcomes, Map<String, Long> delivered) {}

  /**
   * Records events whose campaigns are given in the same order. Fails when Redis cannot confirm;
   * the call is then safe to retry. Frequency counts go to the cap window {@code nowMs} falls in.
   */
  Future<Recorded> record(List<DeliveryEvent> events, List<Campaign> campaigns, long nowMs);
}
