package io.scoregateway.store;

import io.scoregateway.codec.ExperimentCodec;
import io.scoregateway.model.SnapshotExperiment;
import io.scoregateway.redis.RedisCall;
import io.scoregateway.redis.RedisLink;
import io.vertx.core.Future;
import io.vertx.redis.client.Command;

/**
 * The experiment under {@code {snap}:experiment}: a SET starts or changes it, a DEL stops it, and
 * either is announced on the change channel, as an activation is.
 */
final class RedisExperimentStore implements ExperimentStore {
  private final RedisLink link;

  RedisExperimentStore(RedisLink link) {
    this.link = link;
  }

  @Override
  public Future<SnapshotExperiment> current() {
    return link.send(RedisCall.on(Command.GET, Keys.EXPERIMENT))
        .map(r -> r == null ? null : ExperimentCodec.stored(r.toString()));
  }

  @Override
  public Future<Void> start(SnapshotExperiment experiment) {
    return link.send(
            RedisCall.on(Command.SET, Keys.EXPERIMENT)
                .arg(ExperimentCodec.toJson(experiment).encode()))
        .compose(v -> announce())
        .mapEmpty();
  }

  @Override
  public Future<Boolean> stop() {
    return link.send(RedisCall.on(Command.DEL, Keys.EXPERIMENT))
        .compose(r -> r.toInteger() == 0 ? Future.succeededFuture(false) : announce().map(true));
  }

  private Future<Void> announce() {
    return link.send(RedisCall.keyless(Command.PUBLISH).arg(Keys.CHANGES_CHANNEL).arg("snapshot"))
        .mapEmpty();
  }
}
