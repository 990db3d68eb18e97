package io.scoregateway.store;

import io.scoregateway.codec.CampaignCodec;
import io.scoregateway.devredis.LocalCluster;
import io.scoregateway.devredis.LocalRedis;
import io.scoregateway.model.Campaign;
import io.scoregateway.model.CampaignStatus;
import io.scoregateway.model.PacingMode;
import io.scoregateway.redis.RedisCall;
import io.scoregateway.redis.RedisConnector;
import io.scoregateway.redis.RedisLink;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.RedisClientType;
import io.vertx.redis.client.RedisOptions;
import io.vertx.redis.client.Response;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A real redis-server and a link to it, for the per-script tests; fails (never skips) without one.
 */
final class ScriptRedis implements AutoCloseable {
  /** The keys the campaign scripts take, in the order RedisCampaignStore passes them. */
  static final List<String> CFG_KEYS =
      List.of(Keys.CAMPAIGNS, Keys.ENROLLMENT, Keys.CAMPAIGN_ENDS, Keys.CAMPAIGNS_VERSION);

  final LocalRedis redis;
  final LocalCluster cluster;
  final Vertx vertx;
  final RedisLink link;

  private ScriptRedis(LocalRedis redis, LocalCluster cluster, Vertx vertx, RedisLink link) {
    this.redis = redis;
    this.cluster = cluster;
    this.vertx = vertx;
    this.link = link;
  }

  static ScriptRedis start() throws IOException {
    LocalRedis redis = LocalRedis.start();
    Vertx vertx = Vertx.vertx();
    RedisLink link =
        new RedisConnector(
                vertx, new RedisOptions().setConnectionString(redis.url()), LuaScript.ALL)
            .link();
    link.connect().await();
    return new ScriptRedis(redis, null, vertx, link);
  }

  /** The shared local cluster behind a cluster-mode link (keys routed by slot). */
  static ScriptRedis startCluster() throws IOException {
    LocalCluster cluster = LocalCluster.shared();
    Vertx vertx = Vertx.vertx();
    RedisOptions options = new RedisOptions().setType(RedisClientType.CLUSTER);
    cluster.seedUrls().forEach(options::addConnectionString);
    RedisLink link = new RedisConnector(vertx, options, LuaScript.ALL).link();
    link.connect().await();
    return new ScriptRedis(null, cluster, vertx, link);
  }

  Response send(RedisCall r) {
    return link.send(r).await();
  }

  void flush() {
    if (cluster == null) {
      send(RedisCall.keyless(Command.FLUSHALL));
      return;
    }
    try {
      cluster.flushAll();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  Map<String, String> hgetall(String key) {
    Response r = send(RedisCall.on(Command.HGETALL, key));
    Map<String, String> out = new HashMap<>();
    for (String k : r.getKeys()) {
      out.put(k, r.get(k).toString());
    }
    return out;
  }

  long version() {
    Response r = send(RedisCall.on(Command.GET, Keys.CAMPAIGNS_VERSION));
    return r == null ? 0 : r.toLong();
  }

  /** Runs campaign_put.lua with the arguments RedisCampaignStore builds. */
  Response put(Campaign c, long nowMs) {
    List<String> args = new ArrayList<>();
    args.add(c.id());
    args.add(CampaignCodec.toJson(c).encode());
    args.add(Long.toString(nowMs));
    args.add(Long.toString(c.end().toEpochMilli()));
    args.addAll(c.tracks());
    return link.eval(LuaScript.CAMPAIGN_PUT, CFG_KEYS, args).await();
  }

  /** Runs campaign_delete.lua as RedisCampaignStore does. */
  long delete(String id) {
    return link.eval(LuaScript.CAMPAIGN_DELETE, CFG_KEYS, List.of(id)).await().toLong();
  }

  static Campaign campaign(String id, Instant end, String... tracks) {
    return new Campaign(
        id,
        List.of(tracks),
        null,
        null,
        end.minusSeconds(30L * 86_400),
        end,
        1000,
        PacingMode.EVEN,
        null,
        1.0,
        CampaignStatus.ACTIVE);
  }

  @Override
  public void close() {
    link.close();
    vertx.close().await();
    if (redis != null) {
      redis.close();
    }
  }
}
