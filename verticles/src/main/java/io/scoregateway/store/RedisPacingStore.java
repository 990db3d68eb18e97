package io.scoregateway.store;

import io.scoregateway.model.Campaign;
import io.scoregateway.model.PacingState;
import io.vertx.core.Future;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import java.util.ArrayList;
import java.util.List;

/** One pacing_state.lua call per distinct campaign, all in one pipelined batch. */
final class RedisPacingStore implements PacingStore {
  private final RedisLink link;
  private final long slotMs;

  RedisPacingStore(RedisLink link, long slotMs) {
    this.link = link;
    this.slotMs = slotMs;
  }

  @Override
  public long slotMs() {
    return slotMs;
  }

  @Override
  public Future<PacingState[]> states(List<Campaign> campaigns, long nowMs) {
    List<Request> calls = new ArrayList<>(campaigns.size());
    String now = Long.toString(nowMs);
    String slot = Long.toString(slotMs);
    for (Campaign c : campaigns) {
      List<String> args = new ArrayList<>(30);
      args.add(now);
      args.add(slot);
      args.add(Long.toString(c.budget()));
      args.add(c.pacing().wire());
      args.add(Long.toString(c.start().toEpochMilli()));
      args.add(Long.toString(c.end().toEpochMilli()));
      if (c.trafficProfile() != null) {
        for (double w : c.trafficProfile()) {
          args.add(Double.toString(w));
        }
      }
      calls.add(RedisLink.evalRequest(LuaScript.PACING_STATE, List.of(Keys.pacing(c.id())), args));
    }
    return link.batch(calls).map(RedisPacingStore::decode);
  }

  private static PacingState[] decode(List<Response> replies) {
    PacingState[] out = new PacingState[replies.size()];
    for (int i = 0; i < out.length; i++) {
      Response r = replies.get(i);
      out[i] =
          new PacingState(
              r.get(0).toLong(),
              Double.parseDouble(r.get(1).toString()),
              Double.parseDouble(r.get(2).toString()));
    }
    return out;
  }
}
