package io.scoregateway.store;

import io.scoregateway.model.Campaign;
import io.scoregateway.redis.RedisLink;
import io.vertx.core.Future;
import io.vertx.redis.client.Response;
import java.util.ArrayList;
import java.util.List;

/** All of a listener's counters share the {@code {u:<id>}} tag: one MGET reads them. */
final class RedisFrequencyStore implements FrequencyStore {
  private final RedisLink link;

  RedisFrequencyStore(RedisLink link) {
    this.link = link;
  }

  @Override
  public Future<long[]> counts(String user, List<Campaign> campaigns, long nowMs) {
    if (campaigns.isEmpty()) {
      return Future.succeededFuture(new long[0]);
    }
    List<String> keys = new ArrayList<>(campaigns.size());
    for (Campaign c : campaigns) {
      long window = FrequencyStore.window(nowMs, c.frequencyCap().windowSeconds());
      keys.add(Keys.frequency(user, c.id(), window));
    }
    return link.mget(keys)
        .map(
            reply -> {
              long[] out = new long[campaigns.size()];
              for (int i = 0; i < out.length; i++) {
                Response r = reply[i];
                out[i] = r == null ? 0 : r.toLong();
              }
              return out;
            });
  }
}
