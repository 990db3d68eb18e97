package io.scoregateway.gateway.cli;

import io.scoregateway.config.EngineConfig;
import io.scoregateway.redis.RedisConnector;
import io.scoregateway.redis.RedisLink;
import io.scoregateway.redis.RedisLinkOptions;
import io.scoregateway.redis.RedisUrl;
import io.scoregateway.store.LuaScript;
import io.scoregateway.store.Stores;
import io.vertx.core.Vertx;

/** A Vert.x instance and one connected link, for commands that write to Redis and exit. */
final class RedisSession implements AutoCloseable {
  final Vertx vertx;
  final RedisLink link;
  final Stores stores;

  RedisSession(EngineConfig cfg) {
    this.vertx = Vertx.vertx();
    this.link =
        new RedisConnector(vertx, RedisLinkOptions.of(cfg.redis()), LuaScript.ALL).link(10_000);
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
