package io.scoregateway;

import io.scoregateway.http.TlsPolicy;
import io.scoregateway.store.RedisTls;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.net.PemKeyCertOptions;
import io.vertx.redis.client.RedisClientType;
import io.vertx.redis.client.RedisOptions;
import io.vertx.redis.client.RedisRole;
import java.util.List;

/**
 * The engine's settings, validated by the application before deployment.
 *
 * @param redisEndpoints Redis URLs: one in standalone mode, seeds in cluster/sentinel mode
 * @param redisMode standalone, cluster or sentinel
 * @param host interface both servers bind to
 * @param httpPort data plane port
 * @param adminPort admin API, health and metrics port
 * @param instances data-plane verticle instances (one per event loop)
 * @param maxBatch most candidates in one request
 * @param timeoutMs default request deadline
 * @param pacingSlotMs pacing controller period
 * @param catalogRefreshMs how often every instance polls for campaign/snapshot changes
 * @param maxInFlight requests one event loop works on at once before shedding with 503
 * @param tlsCert PEM certificate chain for both ports, null for plain HTTP
 * @param tlsKey PEM private key matching {@code tlsCert}
 * @param scoreCacheEntries snapshot entries kept in memory across event loops; 0 disables the cache
 * @param deliveryReplicas replicas that must acknowledge delivery writes ({@code WAIT}) before a
 *     2xx; 0 = do not wait
 * @param deliveryWaitMs how long {@code WAIT} may take before the deliveries are answered 503
 * @param pacingRefreshMs how often the pacing view is refreshed; 0 = a quarter slot, 100 ms to 5 s
 * @param pacingSettleMs how long a delivery may lag its promotion (and still count after the
 *     flight's end); promotions older than this have delivered or never will
 * @param pacingMaxBatch most campaigns one pacing refresh sends; the rest wait for the next
 * @param edge limits that keep slow or numerous callers from holding the ports
 * @param redisTls trust source and client certificate of {@code rediss://} links
 * @param grpcPort gRPC data plane port (HTTP/2); 0 = no gRPC data plane
 */
public record EngineConfig(
    List<String> redisEndpoints,
    String redisMode,
    String redisMasterName,
    String host,
    int httpPort,
    int adminPort,
    int instances,
    int maxBatch,
    long timeoutMs,
    long pacingSlotMs,
    long catalogRefreshMs,
    int maxInFlight,
    String tlsCert,
    String tlsKey,
    long scoreCacheEntries,
    int deliveryReplicas,
    long deliveryWaitMs,
    long pacingRefreshMs,
    long pacingSettleMs,
    int pacingMaxBatch,
    EdgeLimits edge,
    RedisTls redisTls,
    int grpcPort) {

  /**
   * @param bodyReadMs the whole request body must arrive within this after the headers (else 408)
   * @param maxInFlightPerClient requests one client may have in flight per event loop; 0 = half of
   *     {@code maxInFlight}
   * @param maxConnections connections each port holds open; beyond it new ones are closed at once
   */
  public record EdgeLimits(long bodyReadMs, int maxInFlightPerClient, int maxConnections) {
    public static final EdgeLimits DEFAULTS = new EdgeLimits(5_000, 0, 10_000);
  }

  /** Defaults of the pacing keys. */
  public static final long DEFAULT_PACING_SETTLE_MS =
      io.scoregateway.pacing.PacingController.DEFAULT_SETTLE_MS;

  public static final int DEFAULT_PACING_MAX_BATCH = 2_000;

  /** The settings without a gRPC data plane. */
  public EngineConfig(
      List<String> redisEndpoints,
      String redisMode,
      String redisMasterName,
      String host,
      int httpPort,
      int adminPort,
      int instances,
      int maxBatch,
      long timeoutMs,
      long pacingSlotMs,
      long catalogRefreshMs,
      int maxInFlight,
      String tlsCert,
      String tlsKey,
      long scoreCacheEntries,
      int deliveryReplicas,
      long deliveryWaitMs,
      long pacingRefreshMs,
      long pacingSettleMs,
      int pacingMaxBatch,
      EdgeLimits edge,
      RedisTls redisTls) {
    this(
        redisEndpoints,
        redisMode,
        redisMasterName,
        host,
        httpPort,
        adminPort,
        instances,
        maxBatch,
        timeoutMs,
        pacingSlotMs,
        catalogRefreshMs,
        maxInFlight,
        tlsCert,
        tlsKey,
        scoreCacheEntries,
        deliveryReplicas,
        deliveryWaitMs,
        pacingRefreshMs,
        pacingSettleMs,
        pacingMaxBatch,
        edge,
        redisTls,
        0);
  }

  /** A copy serving the gRPC data plane on {@code port}. */
  public EngineConfig withGrpcPort(int port) {
    return new EngineConfig(
        redisEndpoints,
        redisMode,
        redisMasterName,
        host,
        httpPort,
        adminPort,
        instances,
        maxBatch,
        timeoutMs,
        pacingSlotMs,
        catalogRefreshMs,
        maxInFlight,
        tlsCert,
        tlsKey,
        scoreCacheEntries,
        deliveryReplicas,
        deliveryWaitMs,
        pacingRefreshMs,
        pacingSettleMs,
        pacingMaxBatch,
        edge,
        redisTls,
        port);
  }

  /** The settings with the default edge limits and the JVM's trust store for {@code rediss://}. */
  public EngineConfig(
      List<String> redisEndpoints,
      String redisMode,
      String redisMasterName,
      String host,
      int httpPort,
      int adminPort,
      int instances,
      int maxBatch,
      long timeoutMs,
      long pacingSlotMs,
      long catalogRefreshMs,
      int maxInFlight,
      String tlsCert,
      String tlsKey,
      long scoreCacheEntries,
      int deliveryReplicas,
      long deliveryWaitMs,
      long pacingRefreshMs,
      long pacingSettleMs,
      int pacingMaxBatch) {
    this(
        redisEndpoints,
        redisMode,
        redisMasterName,
        host,
        httpPort,
        adminPort,
        instances,
        maxBatch,
        timeoutMs,
        pacingSlotMs,
        catalogRefreshMs,
        maxInFlight,
        tlsCert,
        tlsKey,
        scoreCacheEntries,
        deliveryReplicas,
        deliveryWaitMs,
        pacingRefreshMs,
        pacingSettleMs,
        pacingMaxBatch,
        EdgeLimits.DEFAULTS,
        RedisTls.DEFAULT);
  }

  /** The settings with the pacing refresh's defaults. */
  public EngineConfig(
      List<String> redisEndpoints,
      String redisMode,
      String redisMasterName,
      String host,
      int httpPort,
      int adminPort,
      int instances,
      int maxBatch,
      long timeoutMs,
      long pacingSlotMs,
      long catalogRefreshMs,
      int maxInFlight,
      String tlsCert,
      String tlsKey,
      long scoreCacheEntries,
      int deliveryReplicas,
      long deliveryWaitMs) {
    this(
        redisEndpoints,
        redisMode,
        redisMasterName,
        host,
        httpPort,
        adminPort,
        instances,
        maxBatch,
        timeoutMs,
        pacingSlotMs,
        catalogRefreshMs,
        maxInFlight,
        tlsCert,
        tlsKey,
        scoreCacheEntries,
        deliveryReplicas,
        deliveryWaitMs,
        0,
        DEFAULT_PACING_SETTLE_MS,
        DEFAULT_PACING_MAX_BATCH);
  }

  /** The settings without delivery replication (deliveries confirmed by the master alone). */
  public EngineConfig(
      List<String> redisEndpoints,
      String redisMode,
      String redisMasterName,
      String host,
      int httpPort,
      int adminPort,
      int instances,
      int maxBatch,
      long timeoutMs,
      long pacingSlotMs,
      long catalogRefreshMs,
      int maxInFlight,
      String tlsCert,
      String tlsKey,
      long scoreCacheEntries) {
    this(
        redisEndpoints,
        redisMode,
        redisMasterName,
        host,
        httpPort,
        adminPort,
        instances,
        maxBatch,
        timeoutMs,
        pacingSlotMs,
        catalogRefreshMs,
        maxInFlight,
        tlsCert,
        tlsKey,
        scoreCacheEntries,
        0,
        200);
  }

  /**
   * The pacing refresh period in effect: the configured one, else a quarter slot within 100 ms..5
   * s.
   */
  public long pacingRefreshPeriodMs() {
    if (pacingRefreshMs > 0) {
      return pacingRefreshMs;
    }
    return Math.max(100, Math.min(5_000, pacingSlotMs / 4));
  }

  /**
   * Requests one client may have in flight per event loop: the configured cap, else half the loop's
   * bound.
   */
  public int clientInFlightCap() {
    return edge.maxInFlightPerClient() > 0
        ? edge.maxInFlightPerClient()
        : Math.max(1, (maxInFlight + 1) / 2);
  }

  /** Largest accepted request body: the largest batch of maximal ids plus envelope. */
  public int maxBodyBytes() {
    return 4096 + maxBatch * 140;
  }

  /** Server options for a port, with TLS when configured. */
  public HttpServerOptions serverOptions(int port) {
    // idle connections (a stalled sender included) are closed after 30 s; cleartext HTTP/2 (h2c,
    // on by default in Vert.x) is off: nothing needs it, and its shedding and framing are untested
    HttpServerOptions o =
        new HttpServerOptions()
            .setHost(host)
            .setPort(port)
            .setIdleTimeout(30)
            .setHttp2ClearTextEnabled(false)
            // gzip/deflate for callers that ask (Accept-Encoding), on answers worth it: a batch of
            // 1000 results is ~90 KB of repetitive JSON; level 1 keeps the event loop's cost small
            .setCompressionSupported(true)
            .setCompressionLevel(1)
            .setCompressionContentSizeThreshold(2048);
    if (tlsCert != null) {
      TlsPolicy.apply(o, new PemKeyCertOptions().setCertPath(tlsCert).setKeyPath(tlsKey));
    }
    return o;
  }

  /** Fresh client options for this deployment (each connection owner gets its own copy). */
  public RedisOptions redisOptions() {
    RedisOptions o =
        new RedisOptions().setMaxWaitingHandlers(1 << 16).setMaxPoolSize(8).setMaxPoolWaiting(256);
    for (String e : redisEndpoints) {
      o.addConnectionString(e);
    }
    switch (redisMode) {
      // routed by ClusterLink (one held connection per master); the type tells it apart
      case "cluster" -> o.setType(RedisClientType.CLUSTER).setHashSlotCacheTTL(60_000);
      case "sentinel" ->
          o.setType(RedisClientType.SENTINEL)
              .setRole(RedisRole.MASTER)
              .setMasterName(redisMasterName);
      default -> o.setType(RedisClientType.STANDALONE);
    }
    return redisTls.applyTo(o);
  }

  /**
   * Options for the change-notification subscriber, tried in turn when one fails. In cluster mode
   * one standalone connection to any node hears every PUBLISH (cluster pub/sub is broadcast), so
   * each seed is a candidate.
   */
  public List<RedisOptions> subscriberOptions() {
    if (!redisMode.equals("cluster")) {
      return List.of(redisOptions());
    }
    List<RedisOptions> out = new java.util.ArrayList<>();
    for (String e : redisEndpoints) {
      out.add(
          redisTls.applyTo(
              new RedisOptions().setType(RedisClientType.STANDALONE).setConnectionString(e)));
    }
    return out;
  }
}
