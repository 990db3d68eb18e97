package io.scoregateway.gateway.config;

import io.scoregateway.allocate.AllocationRules;
import io.scoregateway.config.DeliveryConfig;
import io.scoregateway.config.EdgeLimits;
import io.scoregateway.config.EngineConfig;
import io.scoregateway.config.PacingConfig;
import io.scoregateway.config.RedisConfig;
import io.scoregateway.config.RedisMode;
import io.scoregateway.config.ScoringConfig;
import io.scoregateway.config.ServerConfig;
import io.scoregateway.redis.RedisUrl;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The validated application settings; built once at start, failing fast naming the key. */
public record GatewayConfig(
    EngineConfig engine,
    Path tokensFile,
    boolean noAuth,
    long slowRequestMs,
    boolean metrics,
    double clientRateLimit,
    long reloadCheckMs) {

  public static GatewayConfig from(Map<ConfigKey, String> resolved) {
    ConfigValues v = new ConfigValues(resolved);
    RedisConfig redis = redis(v);
    int loops = v.integer(ConfigKey.EVENT_LOOPS);
    ServerConfig server = server(v);
    ScoringConfig scoring =
        new ScoringConfig(
            v.integer(ConfigKey.MAX_BATCH),
            v.number(ConfigKey.TIMEOUT_MS),
            v.integer(ConfigKey.MAX_IN_FLIGHT),
            v.number(ConfigKey.SCORE_CACHE_ENTRIES));
    PacingConfig pacing =
        new PacingConfig(
            v.number(ConfigKey.PACING_SLOT_MS),
            v.number(ConfigKey.PACING_REFRESH_MS),
            v.number(ConfigKey.PACING_SETTLE_MS),
            v.integer(ConfigKey.PACING_MAX_BATCH));
    DeliveryConfig deliveries =
        new DeliveryConfig(
            v.integer(ConfigKey.DELIVERY_REPLICAS), v.number(ConfigKey.DELIVERY_WAIT_MS));
    EngineConfig engine =
        new EngineConfig(
            loops == 0 ? Runtime.getRuntime().availableProcessors() : loops,
            v.number(ConfigKey.CATALOG_REFRESH_MS),
            redis,
            server,
            scoring,
            pacing,
            deliveries,
            allocation(v));
    boolean noAuth = v.bool(ConfigKey.NO_AUTH);
    String tokens = v.text(ConfigKey.TOKENS_FILE);
    if (noAuth && !tokens.isEmpty()) {
      // which one the operator meant is unknowable: serving unauthenticated by mistake is the worse
      // guess
      throw new ConfigException(
          ConfigKey.NO_AUTH,
          "cannot be combined with "
              + ConfigKey.TOKENS_FILE.flag()
              + " ("
              + tokens
              + "): drop one of them");
    }
    return new GatewayConfig(
        engine,
        tokens.isEmpty() ? null : Path.of(tokens),
        noAuth,
        v.number(ConfigKey.SLOW_REQUEST_MS),
        v.bool(ConfigKey.METRICS),
        v.number(ConfigKey.CLIENT_RATE_LIMIT),
        v.number(ConfigKey.RELOAD_CHECK_MS));
  }

  private static AllocationRules allocation(ConfigValues v) {
    try {
      return AllocationRules.parse(v.text(ConfigKey.ALLOCATION));
    } catch (IllegalArgumentException e) {
      throw new ConfigException(ConfigKey.ALLOCATION, e.getMessage());
    }
  }

  private static RedisConfig redis(ConfigValues v) {
    String name = v.text(ConfigKey.REDIS_MODE);
    RedisMode mode = RedisMode.named(name);
    if (mode == null) {
      throw new ConfigException(
          ConfigKey.REDIS_MODE, "must be standalone, cluster or sentinel, got '" + name + "'");
    }
    List<String> endpoints = endpoints(v.text(ConfigKey.REDIS), mode);
    RedisConfig redis =
        new RedisConfig(
            endpoints,
            mode,
            v.nonEmpty(ConfigKey.REDIS_MASTER),
            v.pemFile(ConfigKey.REDIS_CA_FILE),
            v.pemFile(ConfigKey.REDIS_TLS_CERT),
            v.pemFile(ConfigKey.REDIS_TLS_KEY));
    if ((redis.certFile() == null) != (redis.keyFile() == null)) {
      throw new ConfigException(
          redis.certFile() == null ? ConfigKey.REDIS_TLS_CERT : ConfigKey.REDIS_TLS_KEY,
          "a Redis client certificate needs both --redis-tls-cert and --redis-tls-key");
    }
    boolean secure = endpoints.stream().allMatch(e -> e.startsWith("rediss://"));
    boolean mixed = !secure && endpoints.stream().anyMatch(e -> e.startsWith("rediss://"));
    if (mixed) {
      throw new ConfigException(
          ConfigKey.REDIS, "mixes redis:// and rediss:// URLs: use one scheme for every node");
    }
    // TLS settings for a plain link would be silently ignored: an operator who set them expects TLS
    ConfigKey unused =
        redis.caFile() != null
            ? ConfigKey.REDIS_CA_FILE
            : redis.certFile() != null ? ConfigKey.REDIS_TLS_CERT : null;
    if (unused != null && !secure) {
      throw new ConfigException(
          unused, "applies only to rediss:// URLs, but " + ConfigKey.REDIS.flag() + " is redis://");
    }
    return redis;
  }

  private static List<String> endpoints(String raw, RedisMode mode) {
    List<String> out = new ArrayList<>();
    for (String s : raw.split(",", -1)) {
      String e = s.trim();
      if (e.isEmpty()) {
        continue;
      }
      String problem = RedisUrl.problem(e);
      if (problem != null) {
        throw new ConfigException(ConfigKey.REDIS, problem);
      }
      out.add(e);
    }
    if (out.isEmpty()) {
      throw new ConfigException(ConfigKey.REDIS, "needs at least one URL");
    }
    if (mode == RedisMode.STANDALONE && out.size() > 1) {
      throw new ConfigException(
          ConfigKey.REDIS, "standalone mode takes one URL, got " + out.size());
    }
    return out;
  }

  private static ServerConfig server(ConfigValues v) {
    ServerConfig server =
        new ServerConfig(
            v.nonEmpty(ConfigKey.HOST),
            v.integer(ConfigKey.PORT),
            v.integer(ConfigKey.ADMIN_PORT),
            v.integer(ConfigKey.GRPC_PORT),
            v.pemFile(ConfigKey.TLS_CERT),
            v.pemFile(ConfigKey.TLS_KEY),
            new EdgeLimits(
                v.number(ConfigKey.BODY_READ_MS),
                v.integer(ConfigKey.MAX_IN_FLIGHT_PER_CLIENT),
                v.integer(ConfigKey.MAX_CONNECTIONS)));
    if ((server.tlsCert() == null) != (server.tlsKey() == null)) {
      throw new ConfigException(
          server.tlsCert() == null ? ConfigKey.TLS_CERT : ConfigKey.TLS_KEY,
          "TLS needs both --tls-cert and --tls-key");
    }
    if (server.httpPort() != 0 && server.httpPort() == server.adminPort()) {
      throw new ConfigException(ConfigKey.ADMIN_PORT, "must differ from " + ConfigKey.PORT.flag());
    }
    int grpc = server.grpcPort();
    if (grpc != 0 && (grpc == server.httpPort() || grpc == server.adminPort())) {
      throw new ConfigException(
          ConfigKey.GRPC_PORT,
          "must differ from " + ConfigKey.PORT.flag() + " and " + ConfigKey.ADMIN_PORT.flag());
    }
    return server;
  }
}
