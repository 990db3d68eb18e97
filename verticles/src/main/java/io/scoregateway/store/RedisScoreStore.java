package io.scoregateway.store;

import io.scoregateway.redis.RedisLink;
import io.vertx.core.Future;
import io.vertx.redis.client.Response;
import java.util.ArrayList;
import java.util.List;

/** Scores by one MGET for the whole batch (in cluster mode: one per slot, pipelined per master). */
final class RedisScoreStore implements ScoreStore {
  private final RedisLink link;

  RedisScoreStore(RedisLink link) {
    this.link = link;
  }

  @Override
  public Future<ScoreEntry[]> scores(String snapshot, List<String> tracks) {
    List<String> keys = new ArrayList<>(tracks.size());
    for (String t : tracks) {
      keys.add(Keys.score(snapshot, t));
    }
    return link.mget(keys).map(RedisScoreStore::decode);
  }

  private static ScoreEntry[] decode(Response[] reply) {
    ScoreEntry[] out = new ScoreEntry[reply.length];
    for (int i = 0; i < out.length; i++) {
      Response r = reply[i];
      out[i] = r == null ? null : ScoreEntry.decode(r.toString());
    }
    return out;
  }
}
