package io.scoregateway.gateway.telemetry;

import io.scoregateway.codec.CampaignCodec;
import io.scoregateway.devredis.LocalRedis;
import io.scoregateway.gateway.boot.GatewayBoot;
import io.scoregateway.gateway.config.ConfigKey;
import io.scoregateway.gateway.config.ConfigSources;
import io.scoregateway.gateway.config.GatewayConfig;
import io.scoregateway.redis.RedisConnector;
import io.scoregateway.redis.RedisLink;
import io.scoregateway.store.LuaScript;
import io.scoregateway.store.SnapshotWriter;
import io.scoregateway.store.Stores;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.redis.client.RedisOptions;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** A whole gateway as `serve` runs it (boot, telemetry, config), on free ports with seeded data. */
final class GatewayFixture implements AutoCloseable {
  /**
   * An hour's pacing slot: at a slot's start an instance gives its unspent lease back a round trip
   * before the new one arrives, and a request in between is paced; the tests count promotions
   * exactly, so slots begin rarely.
   */
  static final long SLOT_MS = 3_600_000;

  final LocalRedis redis;
  final GatewayBoot.Running running;
  final int port;
  final int adminPort;

  GatewayFixture(Map<ConfigKey, String> extra, Map<String, String> otel) throws Exception {
    redis = LocalRedis.start();
    seed(redis.url());
    port = LocalRedis.freePort();
    adminPort = LocalRedis.freePort();
    Map<ConfigKey, String> flags = new EnumMap<>(ConfigKey.class);
    flags.put(ConfigKey.REDIS, redis.url());
    flags.put(ConfigKey.PORT, Integer.toString(port));
    flags.put(ConfigKey.ADMIN_PORT, Integer.toString(adminPort));
    flags.put(ConfigKey.HOST, "127.0.0.1");
    flags.put(ConfigKey.NO_AUTH, "true");
    flags.put(ConfigKey.EVENT_LOOPS, "2");
    flags.put(ConfigKey.TIMEOUT_MS, "2000");
    flags.put(ConfigKey.PACING_SLOT_MS, Long.toString(SLOT_MS));
    flags.putAll(extra);
    GatewayConfig config = GatewayConfig.from(ConfigSources.resolve(flags, Map.of(), null));
    running =
        io.scoregateway.gateway.cli.Await.result(
            GatewayBoot.start(config, Clock.systemUTC(), Map.of(), otel));
    long deadline = System.currentTimeMillis() + 10_000;
    while (!running.engine().catalog().view().loaded()
        || running.engine().catalog().view().campaigns().size() == 0
        || !running.engine().readiness().warm()) {
      if (System.currentTimeMillis() > deadline) {
        throw new IllegalStateException("catalog not loaded");
      }
      Thread.sleep(20);
    }
  }

  /** Tracks t1..t3 scored in an active snapshot; t1 and t2 in an asap campaign, t3 capped. */
  private static void seed(String url) {
    Vertx vertx = Vertx.vertx();
    RedisLink link =
        new RedisConnector(vertx, new RedisOptions().setConnectionString(url), LuaScript.ALL)
            .link();
    try {
      link.connect().await();
      Stores stores = Stores.over(link, SLOT_MS);
      SnapshotWriter w = new SnapshotWriter(link, "snap");
      w.begin("test").await();
      w.write(
              List.of(
                  new SnapshotWriter.Row("t1", "", 0.5),
                  new SnapshotWriter.Row("t2", "", 0.4),
                  new SnapshotWriter.Row("t3", "", 0.3)))
          .await();
      w.complete("test", 3, 0).await();
      w.activate().await();
      Instant now = Instant.now();
      JsonObject c =
          new JsonObject()
              .put("tracks", new JsonArray().add("t1").add("t2"))
              .put("start", now.minusSeconds(3600).toString())
              .put("end", now.plusSeconds(86_400).toString())
              .put("budget", 1_000_000)
              .put("pacing", "asap");
      stores.campaigns().put(CampaignCodec.parse("c1", c), now.toEpochMilli()).await();
      JsonObject capped =
          c.copy()
              .put("tracks", new JsonArray().add("t3"))
              .put("frequency_cap", new JsonObject().put("max", 1).put("window_seconds", 3600));
      stores.campaigns().put(CampaignCodec.parse("c2", capped), now.toEpochMilli()).await();
    } finally {
      link.close();
      vertx.close().await();
    }
  }

  @Override
  public void close() {
    running.close();
    redis.close();
  }
}
