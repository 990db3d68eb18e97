package io.scoregateway.store;

import io.scoregateway.model.Campaign;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Listeners' delivery counts per campaign in a map (one window: the clock never crosses one in the
 * tests using it), answering at once; remembers the campaigns each call asked for.
 */
public final class InMemoryFrequencyStore implements FrequencyStore {
  private final Map<String, Long> counts = new HashMap<>();
  private final List<List<String>> calls = new ArrayList<>();

  /** Sets how often {@code user} received a promotion of {@code campaign} in the window. */
  public InMemoryFrequencyStore set(String user, String campaign, long count) {
    counts.put(user + "\u0000" + campaign, count);
    return this;
  }

  @Override
  public Future<long[]> counts(String user, List<Campaign> campaigns, long nowMs) {
    calls.add(campaigns.stream().map(Campaign::id).toList());
    long[] out = new long[campaigns.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = counts.getOrDefault(user + "\u0000" + campaigns.get(i).id(), 0L);
    }
    return Future.succeededFuture(out);
  }

  /** The campaign ids of each call, in order. */
  public List<List<String>> calls() {
    return calls;
  }
}
