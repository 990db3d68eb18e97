package io.scoregateway.redis;

import io.scoregateway.config.RedisConfig;
import io.vertx.redis.client.RedisClientType;
import io.vertx.redis.client.RedisOptions;
import io.vertx.redis.client.RedisRole;

/** The client options a Redis link is opened with, built from the settings. */
public final class RedisLinkOptions {
  private RedisLinkOptions() {}

  /** Fresh client options (each connection owner gets its own copy). */
  public static RedisOptions of(RedisConfig redis) {
    RedisOptions o =
        new RedisOptions().setMaxWaitingHandlers(1 << 16).setMaxPoolSize(8).setMaxPoolWaiting(256);
    for (String e : redis.endpoints()) {
      o.addConnectionString(e);
    }
    switch (redis.mode()) {
      // routed by ClusterLink (one held connection per master); the type tells it apart
      case CLUSTER -> o.setType(RedisClientType.CLUSTER).setHashSlotCacheTTL(60_000);
      case SENTINEL ->
          o.setType(RedisClientType.SENTINEL)
              .setRole(RedisRole.MASTER)
              .setMasterName(redis.masterName());
      case STANDALONE -> o.setType(RedisClientType.STANDALONE);
    }
    return tls(redis).applyTo(o);
  }

  private static RedisTls tls(RedisConfig redis) {
    return new RedisTls(redis.caFile(), redis.certFile(), redis.keyFile());
  }
}
