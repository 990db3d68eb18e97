package io.scoregateway.store;

import io.scoregateway.model.Campaign;
import io.scoregateway.model.PacingState;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Joins concurrent reads of the same campaign's pacing state on one event loop: a request whose
 * campaign already has a read in flight waits for that read instead of sending another. Under
 * load this turns one pacing call per request and campaign into one per round trip and campaign,
 * and the state a request sees is never older than one round trip, the same order as the
 * promotions already in flight that the budget gate tolerates. Confined to its event loop.
 */
public final class CoalescingPacingStore implements PacingStore {
  private final PacingStore delegate;
  private final Map<String, Future<PacingState>> inFlight = new HashMap<>();

  public CoalescingPacingStore(PacingStore delegate) {
    this.delegate = delegate;
  }

  @Override
  public long slotMs() {
    return delegate.slotMs();
  }

  @Override
  public Future<PacingState[]> states(List<Campaign> campaigns, long nowMs) {
    List<Future<PacingState>> parts = new ArrayList<>(campaigns.size());
    List<Campaign> missing = new ArrayList<>();
    List<Integer> missingAt = new ArrayList<>();
    for (int i = 0; i < campaigns.size(); i++) {
      Future<PacingState> pending = inFlight.get(campaigns.get(i).id());
      parts.add(pending);
      if (pending == null) {
        missing.add(campaigns.get(i));
        missingAt.add(i);
      }
    }
    if (!missing.isEmpty()) {
      Future<PacingState[]> read = delegate.states(missing, nowMs);
      for (int j = 0; j < missing.size(); j++) {
        int index = j;
        String id = missing.get(j).id();
        Future<PacingState> one = read.map(states -> states[index]);
        inFlight.put(id, one);
        one.onComplete(ar -> inFlight.remove(id, one));
        parts.set(missingAt.get(j), one);
      }
    }
    return Future.all(parts).map(all -> {
      PacingState[] out = new PacingState[parts.size()];
      for (int i = 0; i < out.length; i++) {
        out[i] = parts.get(i).result();
      }
      return out;
    });
  }
}
