package io.scoregateway.it;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.opentelemetry.api.OpenTelemetry;
import io.scoregateway.AdminVerticle;
import io.scoregateway.DataPlaneVerticle;
import io.scoregateway.Engine;
import io.scoregateway.allocate.AllocationRules;
import io.scoregateway.auth.TokenAuthenticator;
import io.scoregateway.catalog.LiveCatalog;
import io.scoregateway.config.DeliveryConfig;
import io.scoregateway.config.EdgeLimits;
import io.scoregateway.config.EngineConfig;
import io.scoregateway.config.MeasurementConfig;
import io.scoregateway.config.PacingConfig;
import io.scoregateway.config.RedisConfig;
import io.scoregateway.config.ScoringConfig;
import io.scoregateway.config.ServerConfig;
import io.scoregateway.devredis.LocalCluster;
import io.scoregateway.devredis.LocalRedis;
import io.scoregateway.devredis.LocalSentinel;
import io.scoregateway.pacing.ManualClock;
import io.scoregateway.redis.RedisConnector;
import io.scoregateway.redis.RedisLink;
import io.scoregateway.redis.RedisLinkOptions;
import io.scoregateway.store.LuaScript;
import io.scoregateway.store.SnapshotWriter;
import io.scoregateway.store.Stores;
import io.scoregateway.telemetry.Telemetry;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * A real gateway for integration tests: its own redis-server on a free port (or a local Redis
 * Cluster), the admin verticle and N data-plane verticles on free ports, a hand-moved clock, and a
 * second link for seeding.
 */
public final class TestGateway implements AutoCloseable {
  /** The standalone server; null in cluster mode. */
  public final LocalRedis redis;

  /** The cluster in cluster mode, else null. */
  public final LocalCluster cluster;

  private final boolean ownsCluster;
  private boolean ownsRedis = true;
  public final Vertx vertx;
  public final ManualClock clock;
  public final Engine engine;
  public final WebClient http;
  public final RedisLink seedLink;
  public final Stores seed;
  public final int port;
  public final int adminPort;

  /** The gRPC data plane's port; 0 when the gateway serves none. */
  public final int grpcPort;

  public final List<DataPlaneVerticle> dataPlanes = new ArrayList<>();

  /** Tests refresh pacing often: a starved lease is renewed within 100 ms, not a quarter slot. */
  static final long PACING_REFRESH_MS = 100;

  private TestGateway(
      LocalRedis redis,
      LocalCluster cluster,
      boolean ownsCluster,
      Vertx vertx,
      ManualClock clock,
      Engine engine,
      int port,
      int adminPort) {
    this.redis = redis;
    this.cluster = cluster;
    this.ownsCluster = ownsCluster;
    this.vertx = vertx;
    this.clock = clock;
    this.engine = engine;
    this.port = port;
    this.adminPort = adminPort;
    this.grpcPort = engine.config().server().grpcPort();
    this.http = WebClient.create(vertx);
    this.seedLink =
        new RedisConnector(vertx, RedisLinkOptions.of(engine.config().redis()), LuaScript.ALL)
            .link();
    this.seed = Stores.over(seedLink, engine.config().pacing().slotMs());
  }

  /**
   * What test gateways share: {@code instances} data planes over {@code redis}, both ports free
   * ones on loopback, requests due within {@code timeoutMs}, no score cache, the catalog polled and
   * pacing refreshed every 100 ms; every other setting its default.
   */
  static EngineConfig config(RedisConfig redis, int instances, long timeoutMs) throws IOException {
    return EngineConfig.over(redis)
        .withInstances(instances)
        .withCatalogRefreshMs(100)
        .withServer(
            ServerConfig.DEFAULTS
                .withHost("127.0.0.1")
                .withPorts(LocalRedis.freePort(), LocalRedis.freePort()))
        .withScoring(ScoringConfig.DEFAULTS.withTimeoutMs(timeoutMs).withScoreCacheEntries(0))
        .withPacing(PacingConfig.DEFAULTS.withRefreshMs(PACING_REFRESH_MS));
  }

  /** {@code cfg} serving the gRPC data plane on a free port as well. */
  static EngineConfig withGrpc(EngineConfig cfg) throws IOException {
    return cfg.withServer(cfg.server().withGrpcPort(LocalRedis.freePort()));
  }

  public static TestGateway start(int instances, TokenAuthenticator auth) throws IOException {
    return start(LocalRedis.start(), instances, auth, 5_000);
  }

  public static TestGateway start(
      LocalRedis redis, int instances, TokenAuthenticator auth, long timeoutMs) throws IOException {
    return start(redis, instances, auth, timeoutMs, 0);
  }

  /**
   * A gateway on {@code redis} with a snapshot score cache.
   *
   * @param cacheEntries snapshot score cache size; 0 (the default) sends every lookup to Redis
   */
  public static TestGateway start(
      LocalRedis redis, int instances, TokenAuthenticator auth, long timeoutMs, long cacheEntries)
      throws IOException {
    EngineConfig cfg = config(RedisConfig.standalone(redis.url()), instances, timeoutMs);
    cfg = cfg.withScoring(cfg.scoring().withScoreCacheEntries(cacheEntries));
    return start(cfg, redis, null, false, auth);
  }

  /** {@code instances} data-plane instances with their own Redis and the given allocation. */
  public static TestGateway startWithAllocation(int instances, AllocationRules allocation)
      throws IOException {
    LocalRedis redis = LocalRedis.start();
    EngineConfig cfg =
        config(RedisConfig.standalone(redis.url()), instances, 5_000).withAllocation(allocation);
    return start(cfg, redis, null, false, null);
  }

  /** {@link #start(int, TokenAuthenticator)} with the gRPC data plane on a free port as well. */
  public static TestGateway startWithGrpc(int instances, TokenAuthenticator auth)
      throws IOException {
    return startWithGrpc(LocalRedis.start(), instances, auth, 5_000);
  }

  /** A gateway over {@code redis} serving the gRPC data plane on a free port as well. */
  public static TestGateway startWithGrpc(
      LocalRedis redis, int instances, TokenAuthenticator auth, long timeoutMs) throws IOException {
    EngineConfig cfg = withGrpc(config(RedisConfig.standalone(redis.url()), instances, timeoutMs));
    return start(cfg, redis, null, false, auth);
  }

  /**
   * One data-plane instance with its own Redis, a small in-flight bound and the given edge limits.
   */
  public static TestGateway startWithLimits(
      TokenAuthenticator auth, int maxInFlight, EdgeLimits edge) throws IOException {
    return startWithLimits(auth, maxInFlight, edge, false);
  }

  /**
   * {@link #startWithLimits(TokenAuthenticator, int, EdgeLimits)}, with the gRPC data plane on a
   * free port when {@code grpc}.
   */
  public static TestGateway startWithLimits(
      TokenAuthenticator auth, int maxInFlight, EdgeLimits edge, boolean grpc) throws IOException {
    LocalRedis redis = LocalRedis.start();
    EngineConfig cfg = config(RedisConfig.standalone(redis.url()), 1, 5_000);
    cfg =
        cfg.withServer(cfg.server().withEdge(edge))
            .withScoring(cfg.scoring().withMaxInFlight(maxInFlight));
    if (grpc) {
      cfg = withGrpc(cfg);
    }
    return start(cfg, redis, null, false, auth);
  }

  /**
   * A gateway in cluster mode over {@code cluster} (flushed first), every node given as a seed.
   *
   * @param ownsCluster whether {@link #close()} stops the cluster too
   * @param deliveryReplicas replicas each delivery write must reach ({@code --delivery-replicas})
   */
  public static TestGateway startCluster(
      LocalCluster cluster,
      boolean ownsCluster,
      int instances,
      TokenAuthenticator auth,
      long timeoutMs,
      int deliveryReplicas)
      throws IOException {
    cluster.flushAll();
    EngineConfig cfg =
        config(RedisConfig.cluster(cluster.seedUrls()), instances, timeoutMs)
            .withDeliveries(new DeliveryConfig(deliveryReplicas, 500));
    return start(cfg, null, cluster, ownsCluster, auth);
  }

  /**
   * A gateway in sentinel mode: the sentinels of {@code sentinel} as endpoints, master name {@code
   * mymaster}. The caller stops the deployment.
   *
   * @param deliveryReplicas replicas each delivery write must reach ({@code --delivery-replicas})
   */
  public static TestGateway startSentinel(
      LocalSentinel sentinel,
      int instances,
      TokenAuthenticator auth,
      long timeoutMs,
      int deliveryReplicas)
      throws IOException {
    EngineConfig cfg =
        config(
                RedisConfig.sentinel(sentinel.sentinelUrls(), LocalSentinel.MASTER_NAME),
                instances,
                timeoutMs)
            .withDeliveries(new DeliveryConfig(deliveryReplicas, 500));
    return start(cfg, null, null, false, auth);
  }

  /**
   * The shared local cluster, flushed, behind a gateway like {@link #start(int,
   * TokenAuthenticator)}'s.
   */
  public static TestGateway startCluster(int instances, TokenAuthenticator auth)
      throws IOException {
    return startCluster(LocalCluster.shared(), false, instances, auth, 5_000, 0);
  }

  /**
   * A gateway on the wall clock over {@code redis}, which it leaves running when closed: several
   * such gateways over one Redis are several instances of one deployment.
   */
  public static TestGateway startRealTime(LocalRedis redis, int instances, long slotMs)
      throws IOException {
    return startRealTime(redis, instances, PacingConfig.DEFAULTS.withSlotMs(slotMs));
  }

  /** As {@link #startRealTime(LocalRedis, int, long)}, with these pacing settings. */
  public static TestGateway startRealTime(LocalRedis redis, int instances, PacingConfig pacing)
      throws IOException {
    EngineConfig cfg =
        config(RedisConfig.standalone(redis.url()), instances, 5_000).withPacing(pacing);
    TestGateway gw = start(cfg, redis, null, false, null, java.time.Clock.systemUTC());
    gw.ownsRedis = false;
    return gw;
  }

  /**
   * A gateway on {@code cfg} (TLS to Redis, say) over {@code redis} or {@code cluster}, which it
   * stops when closed.
   */
  public static TestGateway start(EngineConfig cfg, LocalRedis redis, LocalCluster cluster)
      throws IOException {
    return start(cfg, redis, cluster, cluster != null, null);
  }

  /**
   * A gateway on the test clock measuring as {@code measurement} says (holdouts, exposure log),
   * with {@code instances} data planes over a Redis of its own.
   */
  public static TestGateway startMeasuring(int instances, MeasurementConfig measurement)
      throws IOException {
    return startMeasuring(instances, measurement, false);
  }

  /** As {@link #startMeasuring(int, MeasurementConfig)}, with a gRPC port when {@code grpc}. */
  public static TestGateway startMeasuring(
      int instances, MeasurementConfig measurement, boolean grpc) throws IOException {
    LocalRedis redis = LocalRedis.start();
    EngineConfig cfg =
        config(RedisConfig.standalone(redis.url()), instances, 5_000).withMeasurement(measurement);
    if (grpc) {
      cfg = withGrpc(cfg);
    }
    return start(cfg, redis, null, false, null);
  }

  /**
   * Another instance of {@code first}'s deployment: the same settings and Redis (which it leaves
   * running when closed), ports of its own, its own test clock.
   */
  public static TestGateway beside(TestGateway first) throws IOException {
    EngineConfig cfg =
        first
            .engine
            .config()
            .withServer(
                first
                    .engine
                    .config()
                    .server()
                    .withPorts(LocalRedis.freePort(), LocalRedis.freePort()));
    TestGateway gw = start(cfg, first.redis, null, false, null);
    gw.ownsRedis = false;
    return gw;
  }

  /**
   * A gateway whose Redis at {@code redisPort} is not up (yet): it serves at once, without waiting
   * to be ready; the caller starts the Redis when it likes.
   */
  public static TestGateway startBeforeRedis(int redisPort) throws IOException {
    return startBeforeRedis(redisPort, false);
  }

  /**
   * {@link #startBeforeRedis(int)}, with the gRPC data plane on a free port as well when {@code
   * grpc}.
   */
  public static TestGateway startBeforeRedis(int redisPort, boolean grpc) throws IOException {
    EngineConfig cfg = config(RedisConfig.standalone("redis://127.0.0.1:" + redisPort), 1, 50);
    if (grpc) {
      cfg = withGrpc(cfg);
    }
    return start(cfg, null, null, false, null, null, false);
  }

  private static TestGateway start(
      EngineConfig cfg,
      LocalRedis redis,
      LocalCluster cluster,
      boolean ownsCluster,
      TokenAuthenticator auth)
      throws IOException {
    return start(cfg, redis, cluster, ownsCluster, auth, null);
  }

  private static TestGateway start(
      EngineConfig cfg,
      LocalRedis redis,
      LocalCluster cluster,
      boolean ownsCluster,
      TokenAuthenticator auth,
      java.time.Clock engineClock)
      throws IOException {
    return start(cfg, redis, cluster, ownsCluster, auth, engineClock, true);
  }

  private static TestGateway start(
      EngineConfig cfg,
      LocalRedis redis,
      LocalCluster cluster,
      boolean ownsCluster,
      TokenAuthenticator auth,
      java.time.Clock engineClock,
      boolean awaitReady)
      throws IOException {
    int port = cfg.server().httpPort();
    int adminPort = cfg.server().adminPort();
    ManualClock clock = new ManualClock(Instant.parse("2026-11-28T12:00:00Z"));
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    Telemetry telemetry =
        new Telemetry(OpenTelemetry.noop().getTracer("test"), registry, registry::scrape, 0);
    Engine engine =
        Engine.create(
            cfg, new LiveCatalog(), auth, engineClock == null ? clock : engineClock, telemetry);
    Vertx vertx = Vertx.vertx();
    TestGateway gw =
        new TestGateway(redis, cluster, ownsCluster, vertx, clock, engine, port, adminPort);
    vertx.deployVerticle(new AdminVerticle(engine)).await();
    vertx
        .deployVerticle(
            () -> {
              DataPlaneVerticle v = new DataPlaneVerticle(engine);
              synchronized (gw.dataPlanes) {
                gw.dataPlanes.add(v);
              }
              return v;
            },
            new DeploymentOptions().setInstances(cfg.instances()))
        .await();
    if (awaitReady) {
      gw.seedLink.connect().await();
      gw.awaitReady();
    }
    return gw;
  }

  private void awaitReady() {
    long deadline = System.currentTimeMillis() + 10_000;
    while (System.currentTimeMillis() < deadline) {
      boolean linksUp =
          dataPlanes.stream().allMatch(d -> d.link() != null && d.link().isConnected());
      if (linksUp && engine.catalog().view().loaded() && engine.readiness().warm()) {
        return;
      }
      sleep(20);
    }
    throw new IllegalStateException("gateway did not become ready");
  }

  /**
   * Writes a complete snapshot from {@code track,segment,score} triples and optionally activates
   * it.
   */
  public void snapshot(String id, boolean activate, Object... triples) {
    SnapshotWriter w = new SnapshotWriter(seedLink, id);
    w.begin("test").await();
    List<SnapshotWriter.Row> rows = new ArrayList<>();
    for (int i = 0; i < triples.length; i += 3) {
      rows.add(
          new SnapshotWriter.Row(
              (String) triples[i],
              (String) triples[i + 1],
              ((Number) triples[i + 2]).doubleValue()));
    }
    w.write(rows).await();
    w.complete("test", rows.size(), 0).await();
    if (activate) {
      activate(id);
    }
  }

  /** Activates through the admin API, as an operator would. */
  public void activate(String id) {
    activate(id, null);
  }

  /** Activates through the admin API with an admin's bearer token (null: none). */
  public void activate(String id, String token) {
    var req = http.post(adminPort, "127.0.0.1", "/admin/v1/snapshots/" + id + "/activate");
    if (token != null) {
      req.putHeader("authorization", "Bearer " + token);
    }
    HttpResponse<Buffer> r = req.send().await();
    if (r.statusCode() != 200) {
      throw new IllegalStateException(
          "activate " + id + ": " + r.statusCode() + " " + r.bodyAsString());
    }
  }

  public HttpResponse<Buffer> putCampaign(String id, JsonObject body) {
    return putCampaign(id, body, null);
  }

  /** Puts a campaign with an admin's bearer token (null: none). */
  public HttpResponse<Buffer> putCampaign(String id, JsonObject body, String token) {
    var req = http.put(adminPort, "127.0.0.1", "/admin/v1/campaigns/" + id);
    if (token != null) {
      req.putHeader("authorization", "Bearer " + token);
    }
    return req.sendJsonObject(body).await();
  }

  public HttpResponse<Buffer> deliver(JsonObject body) {
    return http.post(port, "127.0.0.1", "/v1/deliveries").sendJsonObject(body).await();
  }

  public HttpResponse<Buffer> getCampaign(String id) {
    return http.get(adminPort, "127.0.0.1", "/admin/v1/campaigns/" + id).send().await();
  }

  public HttpResponse<Buffer> score(JsonObject body) {
    return http.post(port, "127.0.0.1", "/v1/scores").sendJsonObject(body).await();
  }

  /** Sends a raw body with the given content type. */
  public HttpResponse<Buffer> scoreRaw(String contentType, Buffer body) {
    return http.post(port, "127.0.0.1", "/v1/scores")
        .putHeader("content-type", contentType)
        .sendBuffer(body)
        .await();
  }

  /** A campaign body with sensible defaults around the test clock's "now". */
  public static JsonObject campaign(String... tracks) {
    return new JsonObject()
        .put("tracks", new io.vertx.core.json.JsonArray(List.of(tracks)))
        .put("start", "2026-11-01T00:00:00Z")
        .put("end", "2026-12-01T00:00:00Z")
        .put("budget", 1000)
        .put("pacing", "asap")
        .put("boost", 1.0)
        .put("status", "active");
  }

  /**
   * Waits (up to 10 s) until {@code condition} holds; fails naming {@code what} if it never does.
   */
  public static void eventually(String what, BooleanSupplier condition) {
    long deadline = System.currentTimeMillis() + 10_000;
    while (!condition.getAsBoolean()) {
      if (System.currentTimeMillis() > deadline) {
        throw new AssertionError("not within 10 s: " + what);
      }
      sleep(50);
    }
  }

  public static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * Stops the gateway but leaves its Redis running, for a test that starts another over the same
   * data.
   */
  public void stopKeepingRedis() {
    vertx.close().await();
  }

  @Override
  public void close() {
    vertx.close().await();
    if (redis != null && ownsRedis) {
      redis.close();
    }
    if (cluster != null && ownsCluster) {
      cluster.close();
    }
  }
}
