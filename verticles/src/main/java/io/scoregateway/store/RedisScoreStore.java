package io.scoregateway.store;

import io.vertx.core.Future;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import java.util.List;

/** Scores by one MGET for the whole batch. */
final class RedisScoreStore implements ScoreStore {
  private final RedisLink link;

  RedisScoreStore(RedisLink link) {
    this.link = link;
  }

  @Override
  public Future<ScoreEntry[]> scores(String snapshot, List<String> tracks) {
    Request mget = Request.cmd(Command.MGET);
    for (String t : tracks) {
      mget.arg(Keys.score(snapshot, t));
    }
    return link.send(mget).map(reply -> decode(reply, tracks.size()));
  }

  private static ScoreEntry[] decode(Response reply, int n) {
    ScoreEntry[] out = new ScoreEntry[n];
    for (int i = 0; i < n; i++) {
      Response r = reply.get(i);
      out[i] = r == null ? null : ScoreEntry.decode(r.toString());
    }
    return out;
  }
}
