package io.scoregateway.config;

import java.util.List;
import java.util.Objects;

/**
 * Where Redis is and how the links reach it. A {@code rediss://} link always checks the server's
 * certificate against the URL's host name, against {@code caFile} when given, else the JVM's trust
 * store.
 *
 * @param endpoints Redis URLs: one in standalone mode, seeds in cluster/sentinel mode
 * @param mode how the endpoints are used
 * @param masterName the master's name in sentinel mode
 * @param caFile PEM CA certificate(s) trusted for {@code rediss://}, null for the JVM's trust store
 * @param certFile PEM client certificate chain for {@code rediss://}, null for none
 * @param keyFile PEM private key of {@code certFile}
 */
public record RedisConfig(
    List<String> endpoints,
    RedisMode mode,
    String masterName,
    String caFile,
    String certFile,
    String keyFile) {

  public static final String DEFAULT_MASTER_NAME = "mymaster";

  public RedisConfig {
    endpoints = List.copyOf(endpoints);
    Objects.requireNonNull(mode, "mode");
  }

  /** One server at {@code url}, over the JVM's trust store when it is {@code rediss://}. */
  public static RedisConfig standalone(String url) {
    return new RedisConfig(
        List.of(url), RedisMode.STANDALONE, DEFAULT_MASTER_NAME, null, null, null);
  }

  /** A Redis Cluster reached through {@code seeds}. */
  public static RedisConfig cluster(List<String> seeds) {
    return new RedisConfig(seeds, RedisMode.CLUSTER, DEFAULT_MASTER_NAME, null, null, null);
  }

  /** The master named {@code masterName}, found through {@code sentinels}. */
  public static RedisConfig sentinel(List<String> sentinels, String masterName) {
    return new RedisConfig(sentinels, RedisMode.SENTINEL, masterName, null, null, null);
  }

  /** The same endpoints with this trust source and client certificate. */
  public RedisConfig withTls(String caFile, String certFile, String keyFile) {
    return new RedisConfig(endpoints, mode, masterName, caFile, certFile, keyFile);
  }
}
