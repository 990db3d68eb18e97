package io.scoregateway.store;

import io.scoregateway.config.RedisConfig;
import io.scoregateway.config.RedisMode;
import io.vertx.redis.client.RedisClientType;
import io.vertx.redis.client.RedisOptions;
import io.vertx.redis.client.RedisRole;
import java.util.ArrayList;
import java.util.List;

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

  /**
   * Options for the change-notification subscriber, tried in turn when one fails. In cluster mode
   * one standalone connection to any node hears every PUBLISH (cluster pub/sub is broadcast), so
   * each seed is a candidate.
   */
  public static List<RedisOptions> subscribers(RedisConfig redis) {
    if (redis.mode() != RedisMode.CLUSTER) {
      return List.of(of(redis));
    }
    List<RedisOptions> out = new ArrayList<>();
    for (String e : redis.endpoints()) {
      out.add(
          tls(redis)
              .applyTo(
                  new RedisOptions().setType(RedisClientType.STANDALONE).setConnectionString(e)));
    }
    return out;
  }

  private static RedisTls tls(RedisConfig redis) {
    return new RedisTls(redis.caFile(), redis.certFile(), redis.keyFile());
  }
}
