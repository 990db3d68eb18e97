package io.scoregateway.gateway.cli;

import io.scoregateway.gateway.config.ConfigKey;
import io.scoregateway.gateway.config.ConfigSources;
import io.scoregateway.gateway.config.GatewayConfig;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import picocli.CommandLine.Option;

/** The configuration flags every command accepts (see the README's config table). */
public final class ConfigOptions {
  @Option(names = "--config", description = "YAML config file (flags and environment override it)")
  Path config;

  @Option(
      names = "--redis",
      description = "Redis URL (comma-separated seeds in cluster mode); env GATEWAY_REDIS_URL")
  String redis;

  @Option(
      names = "--redis-mode",
      description = "standalone | cluster | sentinel; env GATEWAY_REDIS_MODE")
  String redisMode;

  @Option(names = "--redis-master", description = "sentinel master name; env GATEWAY_REDIS_MASTER")
  String redisMaster;

  @Option(
      names = "--redis-ca-file",
      description = "PEM CA trusted for rediss://; env GATEWAY_REDIS_CA_FILE")
  String redisCaFile;

  @Option(
      names = "--redis-tls-cert",
      description = "PEM client certificate for rediss://; env GATEWAY_REDIS_TLS_CERT")
  String redisTlsCert;

  @Option(
      names = "--redis-tls-key",
      description = "PEM key of --redis-tls-cert; env GATEWAY_REDIS_TLS_KEY")
  String redisTlsKey;

  @Option(names = "--host", description = "bind interface; env GATEWAY_HOST")
  String host;

  @Option(names = "--port", description = "data plane port; env GATEWAY_HTTP_PORT")
  String port;

  @Option(names = "--admin-port", description = "admin/health/metrics port; env GATEWAY_ADMIN_PORT")
  String adminPort;

  @Option(
      names = "--grpc-port",
      description = "gRPC data plane port; 0 = no gRPC (default); env GATEWAY_GRPC_PORT")
  String grpcPort;

  @Option(names = "--tokens-file", description = "YAML tokens file; env GATEWAY_TOKENS_FILE")
  String tokensFile;

  @Option(
      names = "--no-auth",
      arity = "0",
      description = "serve without authentication; env GATEWAY_NO_AUTH")
  Boolean noAuth;

  @Option(
      names = "--pacing-slot-ms",
      description = "pacing controller period; env GATEWAY_PACING_SLOT_MS")
  String pacingSlotMs;

  @Option(
      names = "--pacing-refresh-ms",
      description =
          "pacing report and lease period; 0 = a quarter slot; env GATEWAY_PACING_REFRESH_MS")
  String pacingRefreshMs;

  @Option(
      names = "--pacing-settle-ms",
      description = "how late a play may follow its promotion; env GATEWAY_PACING_SETTLE_MS")
  String pacingSettleMs;

  @Option(
      names = "--pacing-max-batch",
      description = "most campaigns in one pacing refresh; env GATEWAY_PACING_MAX_BATCH")
  String pacingMaxBatch;

  @Option(names = "--max-batch", description = "most candidates per request; env GATEWAY_MAX_BATCH")
  String maxBatch;

  @Option(names = "--timeout-ms", description = "default request deadline; env GATEWAY_TIMEOUT_MS")
  String timeoutMs;

  @Option(names = "--event-loops", description = "event loops (0 = cores); env GATEWAY_EVENT_LOOPS")
  String eventLoops;

  @Option(
      names = "--max-in-flight",
      description = "in-flight requests per event loop before 503; env GATEWAY_MAX_IN_FLIGHT")
  String maxInFlight;

  @Option(
      names = "--client-rate-limit",
      description = "default requests/s per client, 0 = unlimited; env GATEWAY_CLIENT_RATE_LIMIT")
  String clientRateLimit;

  @Option(
      names = "--max-in-flight-per-client",
      description =
          "in-flight requests per client per event loop before 429 (0 = half of --max-in-flight); env GATEWAY_MAX_IN_FLIGHT_PER_CLIENT")
  String maxInFlightPerClient;

  @Option(
      names = "--body-read-ms",
      description = "deadline for a whole request body, else 408; env GATEWAY_BODY_READ_MS")
  String bodyReadMs;

  @Option(
      names = "--max-connections",
      description = "open connections per port; env GATEWAY_MAX_CONNECTIONS")
  String maxConnections;

  @Option(
      names = "--reload-check-ms",
      description =
          "check period for TLS and tokens file changes (0 = never); env GATEWAY_RELOAD_CHECK_MS")
  String reloadCheckMs;

  @Option(
      names = "--tls-cert",
      description = "PEM certificate chain (HTTPS on both ports); env GATEWAY_TLS_CERT")
  String tlsCert;

  @Option(names = "--tls-key", description = "PEM private key; env GATEWAY_TLS_KEY")
  String tlsKey;

  @Option(
      names = "--score-cache-entries",
      description = "cached snapshot entries, 0 = off; env GATEWAY_SCORE_CACHE_ENTRIES")
  String scoreCacheEntries;

  @Option(
      names = "--metrics",
      arity = "1",
      description = "record Prometheus metrics (true/false); env GATEWAY_METRICS")
  String metrics;

  @Option(
      names = "--slow-request-ms",
      description = "slow-request log threshold (0 = off); env GATEWAY_SLOW_REQUEST_MS")
  String slowRequestMs;

  @Option(
      names = "--catalog-refresh-ms",
      description = "change poll period; env GATEWAY_CATALOG_REFRESH_MS")
  String catalogRefreshMs;

  @Option(
      names = "--delivery-replicas",
      description =
          "replicas that must acknowledge deliveries (0 = no wait); env GATEWAY_DELIVERY_REPLICAS")
  String deliveryReplicas;

  @Option(
      names = "--delivery-wait-ms",
      description = "how long deliveries wait for replicas; env GATEWAY_DELIVERY_WAIT_MS")
  String deliveryWaitMs;

  /** The flags given on the command line (absent ones are left to env, file and defaults). */
  Map<ConfigKey, String> flags() {
    Map<ConfigKey, String> m = new EnumMap<>(ConfigKey.class);
    put(m, ConfigKey.REDIS, redis);
    put(m, ConfigKey.REDIS_MODE, redisMode);
    put(m, ConfigKey.REDIS_MASTER, redisMaster);
    put(m, ConfigKey.REDIS_CA_FILE, redisCaFile);
    put(m, ConfigKey.REDIS_TLS_CERT, redisTlsCert);
    put(m, ConfigKey.REDIS_TLS_KEY, redisTlsKey);
    put(m, ConfigKey.HOST, host);
    put(m, ConfigKey.PORT, port);
    put(m, ConfigKey.ADMIN_PORT, adminPort);
    put(m, ConfigKey.GRPC_PORT, grpcPort);
    put(m, ConfigKey.TOKENS_FILE, tokensFile);
    put(m, ConfigKey.NO_AUTH, noAuth == null ? null : noAuth.toString());
    put(m, ConfigKey.PACING_SLOT_MS, pacingSlotMs);
    put(m, ConfigKey.PACING_REFRESH_MS, pacingRefreshMs);
    put(m, ConfigKey.PACING_SETTLE_MS, pacingSettleMs);
    put(m, ConfigKey.PACING_MAX_BATCH, pacingMaxBatch);
    put(m, ConfigKey.MAX_BATCH, maxBatch);
    put(m, ConfigKey.TIMEOUT_MS, timeoutMs);
    put(m, ConfigKey.EVENT_LOOPS, eventLoops);
    put(m, ConfigKey.MAX_IN_FLIGHT, maxInFlight);
    put(m, ConfigKey.CLIENT_RATE_LIMIT, clientRateLimit);
    put(m, ConfigKey.MAX_IN_FLIGHT_PER_CLIENT, maxInFlightPerClient);
    put(m, ConfigKey.BODY_READ_MS, bodyReadMs);
    put(m, ConfigKey.MAX_CONNECTIONS, maxConnections);
    put(m, ConfigKey.RELOAD_CHECK_MS, reloadCheckMs);
    put(m, ConfigKey.TLS_CERT, tlsCert);
    put(m, ConfigKey.TLS_KEY, tlsKey);
    put(m, ConfigKey.SCORE_CACHE_ENTRIES, scoreCacheEntries);
    put(m, ConfigKey.METRICS, metrics);
    put(m, ConfigKey.SLOW_REQUEST_MS, slowRequestMs);
    put(m, ConfigKey.CATALOG_REFRESH_MS, catalogRefreshMs);
    put(m, ConfigKey.DELIVERY_REPLICAS, deliveryReplicas);
    put(m, ConfigKey.DELIVERY_WAIT_MS, deliveryWaitMs);
    return m;
  }

  /** Resolves flags, then the process environment, then the YAML file, then defaults. */
  public GatewayConfig resolve() {
    return GatewayConfig.from(ConfigSources.resolve(flags(), System.getenv(), config));
  }

  /** The same with some keys forced (used by {@code dev}). */
  GatewayConfig resolveWith(Map<ConfigKey, String> forced) {
    Map<ConfigKey, String> f = flags();
    f.putAll(forced);
    return GatewayConfig.from(ConfigSources.resolve(f, System.getenv(), config));
  }

  private static void put(Map<ConfigKey, String> m, ConfigKey k, String v) {
    if (v != null) {
      m.put(k, v);
    }
  }
}
