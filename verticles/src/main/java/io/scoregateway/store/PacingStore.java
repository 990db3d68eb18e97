package io.scoregateway.store;

import io.scoregateway.model.Campaign;
import io.scoregateway.model.PacingState;
import io.vertx.core.Future;
import java.util.List;

/** Campaign-side pacing state, read (and once per slot recomputed) atomically in Redis. */
public interface PacingStore {
  /** One state per campaign, in order. */
  Future<PacingState[]> states(List<Campaign> campaigns, long nowMs);

  /** The controller period the pass rates are computed for. */
  long slotMs();
}
