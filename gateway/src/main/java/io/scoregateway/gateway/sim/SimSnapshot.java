package io.scoregateway.gateway.sim;

import io.scoregateway.gateway.cli.Await;
import io.scoregateway.redis.RedisConnector;
import io.scoregateway.redis.RedisLink;
import io.scoregateway.store.LuaScript;
import io.scoregateway.store.SnapshotWriter;
import io.vertx.core.Vertx;
import io.vertx.redis.client.RedisOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** The score snapshot a simulation scores against: tracks {@code st0..} with positive scores. */
final class SimSnapshot {
  private SimSnapshot() {}

  /** Writes and completes snapshot {@code id} with {@code tracks} tracks; returns its id. */
  static String write(Vertx vertx, RedisOptions redis, String id, int tracks, long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    List<SnapshotWriter.Row> rows = new ArrayList<>();
    for (int t = 0; t < tracks; t++) {
      rows.add(new SnapshotWriter.Row("st" + t, "", 0.05 + 0.95 * rnd.nextDouble()));
    }
    return write(vertx, redis, id, rows);
  }

  /** Writes and completes snapshot {@code id} with the given rows; returns its id. */
  static String write(Vertx vertx, RedisOptions redis, String id, List<SnapshotWriter.Row> rows) {
    RedisLink link = new RedisConnector(vertx, redis, LuaScript.ALL).link(10_000);
    try {
      Await.result(link.connect());
      SnapshotWriter w = new SnapshotWriter(link, id);
      Await.result(w.begin("simulate-pacing"));
      for (int from = 0; from < rows.size(); from += 2_000) {
        Await.result(w.write(rows.subList(from, Math.min(rows.size(), from + 2_000))));
      }
      Await.result(w.complete("simulate-pacing", rows.size(), 0));
      return id;
    } finally {
      link.close();
    }
  }
}
