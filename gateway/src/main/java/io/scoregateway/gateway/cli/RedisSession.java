package io.scoregateway.gateway.cli;

import io.scoregateway.config.EngineConfig;
import io.scoregateway.store.RedisLink;
import io.scoregateway.store.RedisLinkOptions;
import io.scoregateway.store.RedisUrl;
import io.scoregateway.store.Stores;
import io.vertx.core.Vertx;

/** A Vert.x instance and one connected link, for commands that write to Redis and exit. */
final class RedisSession implements AutoCloseable {
  final Vertx vertx;
  final RedisLink link;
  final Stores stores;

  RedisSession(EngineConfig cfg) {
    this.vertx = Vertx.vertx();
    this.link = RedisLink.create(vertx, RedisLinkOptions.of(cfg.redis()), 10_000);
    this.stores = Stores.over(link, cfg.pacing().slotMs());
    try {
      Await.result(link.connect());
    } catch (RuntimeException e) {
      close();
      throw new IllegalStateException(
          "cannot connect to redis "
              + RedisUrl.redact(cfg.redis().endpoints())
              + ": "
              + RedisUrl.redact(e.getMessage()),
          e);
    }
  }

  @Override
  public void close() {
    link.close();
    Await.result(vertx.close());
  }
}
