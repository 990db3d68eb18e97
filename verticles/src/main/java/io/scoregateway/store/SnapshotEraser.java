package io.scoregateway.store;

import io.scoregateway.redis.RedisCall;
import io.scoregateway.redis.RedisLink;
import io.vertx.core.Future;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Response;
import java.util.ArrayList;
import java.util.List;

/**
 * Removes a snapshot's score keys in bounded batches, walking its manifest (the track ids the
 * loader listed) instead of scanning the keyspace. Each step reads up to {@link #BATCH} ids from
 * one manifest bucket, unlinks their keys and only then takes the ids off the manifest, so an
 * erasure cut short (a restart, Redis down) leaves nothing unlisted and can simply be run again.
 */
public final class SnapshotEraser {
  /** Keys removed per pipelined step: small enough that no step holds Redis for long. */
  static final int BATCH = 500;

  private final RedisLink link;

  public SnapshotEraser(RedisLink link) {
    this.link = link;
  }

  /**
   * Removes every score key and the manifest of {@code snapshot}; completes with the keys removed.
   */
  public Future<Long> erase(String snapshot) {
    return bucket(snapshot, 0, 0);
  }

  private Future<Long> bucket(String snapshot, int bucket, long removed) {
    if (bucket == Keys.MANIFEST_BUCKETS) {
      return Future.succeededFuture(removed);
    }
    String manifest = Keys.manifest(snapshot, bucket);
    return link.send(RedisCall.on(Command.SRANDMEMBER, manifest).arg(BATCH))
        .compose(
            r -> {
              if (r == null || r.size() == 0) {
                return bucket(snapshot, bucket + 1, removed);
              }
              List<RedisCall> step = new ArrayList<>(r.size() + 1);
              RedisCall srem = RedisCall.on(Command.SREM, manifest);
              for (Response track : r) {
                step.add(RedisCall.on(Command.UNLINK, Keys.score(snapshot, track.toString())));
                srem.arg(track.toString());
              }
              // the ids leave the manifest after their keys, in the same pipeline on the same node
              // order
              return link.batch(step)
                  .compose(done -> link.send(srem))
                  .compose(done -> bucket(snapshot, bucket, removed + r.size()));
            });
  }
}
