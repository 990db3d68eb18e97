package io.scoregateway.store;

import io.scoregateway.codec.SnapshotCodec;
import io.scoregateway.model.ScoreSnapshot;
import io.scoregateway.redis.RedisCall;
import io.scoregateway.redis.RedisLink;
import io.vertx.core.Future;
import io.vertx.redis.client.Command;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Snapshot metadata in the {@code {snap}} hash; activation is one SET of the active id. */
final class RedisSnapshotStore implements SnapshotStore {
  private final RedisLink link;

  RedisSnapshotStore(RedisLink link) {
    this.link = link;
  }

  @Override
  public Future<String> active() {
    return link.send(RedisCall.on(Command.GET, Keys.ACTIVE_SNAPSHOT))
        .map(r -> r == null ? null : r.toString());
  }

  @Override
  public Future<List<ScoreSnapshot>> list() {
    return link.send(RedisCall.on(Command.HGETALL, Keys.SNAPSHOTS))
        .map(
            r -> {
              List<ScoreSnapshot> out = new ArrayList<>();
              for (String id : r.getKeys()) {
                out.add(SnapshotCodec.parse(id, r.get(id).toString()));
              }
              out.sort(Comparator.comparing(ScoreSnapshot::id));
              return out;
            });
  }

  @Override
  public Future<ScoreSnapshot> get(String id) {
    return link.send(RedisCall.on(Command.HGET, Keys.SNAPSHOTS).arg(id))
        .map(r -> r == null ? null : SnapshotCodec.parse(id, r.toString()));
  }

  @Override
  public Future<Void> describe(ScoreSnapshot snapshot) {
    return link.send(
            RedisCall.on(Command.HSET, Keys.SNAPSHOTS)
                .arg(snapshot.id())
                .arg(SnapshotCodec.toJson(snapshot).encode()))
        .mapEmpty();
  }

  @Override
  public Future<Void> forget(String id) {
    return link.send(RedisCall.on(Command.HDEL, Keys.SNAPSHOTS).arg(id)).mapEmpty();
  }

  @Override
  public Future<Void> activate(String id) {
    return link.send(RedisCall.on(Command.SET, Keys.ACTIVE_SNAPSHOT).arg(id))
        .compose(
            v ->
                link.send(
                    RedisCall.keyless(Command.PUBLISH).arg(Keys.CHANGES_CHANNEL).arg("snapshot")))
        .mapEmpty();
  }
}
