package io.scoregateway.store;

import io.vertx.core.Future;
import java.util.List;

/** Per-listener delivery counters within each campaign's frequency-cap window. */
public interface FrequencyStore {
  /** The listener's current count per campaign, in order (0 when none). */
  Future<long[]> counts(String user, List<String> campaigns);
}
