package io.scoregateway.store;

import io.scoregateway.model.Campaign;
import io.vertx.core.Future;
import java.util.List;

/** Per-listener delivery counters within each campaign's frequency-cap window. */
public interface FrequencyStore {
  /** The listener's count in each (capped) campaign's current window, in order (0 when none). */
  Future<long[]> counts(String user, List<Campaign> campaigns, long nowMs);

  /** The window a time falls in, for a cap of {@code windowSeconds}. */
  static long window(long nowMs, long windowSeconds) {
    return Math.floorDiv(nowMs, windowSeconds * 1000);
  }
}
