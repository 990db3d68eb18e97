package io.scoregateway.gateway.config;

import io.scoregateway.EngineConfig;
import io.scoregateway.store.RedisTls;
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

  public static GatewayConfig from(Map<ConfigKey, String> v) {
    String mode = v.get(ConfigKey.REDIS_MODE).trim();
    if (!List.of("standalone", "cluster", "sentinel").contains(mode)) {
      throw new ConfigException(
          ConfigKey.REDIS_MODE, "must be standalone, cluster or sentinel, got '" + mode + "'");
    }
    List<String> endpoints = endpoints(v.get(ConfigKey.REDIS), mode);
    int cores = Runtime.getRuntime().availableProcessors();
    int loops = (int) number(v, ConfigKey.EVENT_LOOPS, 0, 256);
    EngineConfig engine =
        new EngineConfig(
            endpoints,
            mode,
            nonEmpty(v, ConfigKey.REDIS_MASTER),
            nonEmpty(v, ConfigKey.HOST),
            (int) number(v, ConfigKey.PORT, 0, 65535),
            (int) number(v, ConfigKey.ADMIN_PORT, 0, 65535),
            loops == 0 ? cores : loops,
            (int) number(v, ConfigKey.MAX_BATCH, 1, 10_000),
            number(v, ConfigKey.TIMEOUT_MS, 1, 60_000),
            number(v, ConfigKey.PACING_SLOT_MS, 10, 86_400_000),
            number(v, ConfigKey.CATALOG_REFRESH_MS, 50, 5_000),
            (int) number(v, ConfigKey.MAX_IN_FLIGHT, 1, 1_000_000),
            pemFile(v, ConfigKey.TLS_CERT),
            pemFile(v, ConfigKey.TLS_KEY),
            number(v, ConfigKey.SCORE_CACHE_ENTRIES, 0, 50_000_000),
            (int) number(v, ConfigKey.DELIVERY_REPLICAS, 0, 16),
            number(v, ConfigKey.DELIVERY_WAIT_MS, 1, 10_000),
            number(v, ConfigKey.PACING_REFRESH_MS, 0, 60_000),
            number(v, ConfigKey.PACING_SETTLE_MS, 0, 3_600_000),
            (int) number(v, ConfigKey.PACING_MAX_BATCH, 1, 1_000_000),
            new EngineConfig.EdgeLimits(
                number(v, ConfigKey.BODY_READ_MS, 100, 600_000),
                (int) number(v, ConfigKey.MAX_IN_FLIGHT_PER_CLIENT, 0, 1_000_000),
                (int) number(v, ConfigKey.MAX_CONNECTIONS, 1, 10_000_000)),
            redisTls(v, endpoints),
            (int) number(v, ConfigKey.GRPC_PORT, 0, 65535));
    if ((engine.tlsCert() == null) != (engine.tlsKey() == null)) {
      throw new ConfigException(
          engine.tlsCert() == null ? ConfigKey.TLS_CERT : ConfigKey.TLS_KEY,
          "TLS needs both --tls-cert and --tls-key");
    }
    if (engine.httpPort() != 0 && engine.httpPort() == engine.adminPort()) {
      throw new ConfigException(ConfigKey.ADMIN_PORT, "must differ from " + ConfigKey.PORT.flag());
    }
    if (engine.grpcPort() != 0
        && (engine.grpcPort() == engine.httpPort() || engine.grpcPort() == engine.adminPort())) {
      throw new ConfigException(
          ConfigKey.GRPC_PORT,
          "must differ from " + ConfigKey.PORT.flag() + " and " + ConfigKey.ADMIN_PORT.flag());
    }
    boolean noAuth = bool(v, ConfigKey.NO_AUTH);
    String tokens = v.get(ConfigKey.TOKENS_FILE).trim();
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
    long slowMs = number(v, ConfigKey.SLOW_REQUEST_MS, 0, 600_000);
    return new GatewayConfig(
        engine,
        tokens.isEmpty() ? null : Path.of(tokens),
        noAuth,
        slowMs,
        bool(v, ConfigKey.METRICS),
        number(v, ConfigKey.CLIENT_RATE_LIMIT, 0, 10_000_000),
        number(v, ConfigKey.RELOAD_CHECK_MS, 0, 3_600_000));
  }

  private static RedisTls redisTls(Map<ConfigKey, String> v, List<String> endpoints) {
    RedisTls tls =
        new RedisTls(
            pemFile(v, ConfigKey.REDIS_CA_FILE),
            pemFile(v, ConfigKey.REDIS_TLS_CERT),
            pemFile(v, ConfigKey.REDIS_TLS_KEY));
    if ((tls.certFile() == null) != (tls.keyFile() == null)) {
      throw new ConfigException(
          tls.certFile() == null ? ConfigKey.REDIS_TLS_CERT : ConfigKey.REDIS_TLS_KEY,
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
        tls.caFile() != null
            ? ConfigKey.REDIS_CA_FILE
            : tls.certFile() != null ? ConfigKey.REDIS_TLS_CERT : null;
    if (unused != null && !secure) {
      throw new ConfigException(
          unused, "applies only to rediss:// URLs, but " + ConfigKey.REDIS.flag() + " is redis://");
    }
    return tls;
  }

  private static List<String> endpoints(String raw, String mode) {
    List<String> out = new ArrayList<>();
    for (String s : raw.split(",")) {
      String e = s.trim();
      if (e.isEmpty()) {
        continue;
      }
      String problem = io.scoregateway.store.RedisUrl.problem(e);
      if (problem != null) {
        throw new ConfigException(ConfigKey.REDIS, problem);
      }
      out.add(e);
    }
    if (out.isEmpty()) {
      throw new ConfigException(ConfigKey.REDIS, "needs at least one URL");
    }
    if (mode.equals("standalone") && out.size() > 1) {
      throw new ConfigException(
          ConfigKey.REDIS, "standalone mode takes one URL, got " + out.size());
    }
    return List.copyOf(out);
  }

  private static long number(Map<ConfigKey, String> v, ConfigKey k, long min, long max) {
    String raw = v.get(k).trim();
    long n;
    try {
      n = Long.parseLong(raw);
    } catch (NumberFormatException e) {
      throw new ConfigException(k, "must be a whole number, got '" + raw + "'");
    }
    if (n < min || n > max) {
      throw new ConfigException(k, "must be between " + min + " and " + max + ", got " + n);
    }
    return n;
  }

  private static String pemFile(Map<ConfigKey, String> v, ConfigKey k) {
    String s = v.get(k).trim();
    if (s.isEmpty()) {
      return null;
    }
    if (!java.nio.file.Files.isReadable(Path.of(s))) {
      throw new ConfigException(k, "cannot read " + s);
    }
    return s;
  }

  private static boolean bool(Map<ConfigKey, String> v, ConfigKey k) {
    String raw = v.get(k).trim().toLowerCase(java.util.Locale.ROOT);
    return switch (raw) {
      case "true", "1", "yes" -> true;
      case "false", "0", "no", "" -> false;
      default -> throw new ConfigException(k, "must be true or false, got '" + raw + "'");
    };
  }

  private static String nonEmpty(Map<ConfigKey, String> v, ConfigKey k) {
    String s = v.get(k).trim();
    if (s.isEmpty()) {
      throw new ConfigException(k, "must not be empty");
    }
    return s;
  }
}
