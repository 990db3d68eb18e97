package io.scoregateway.config;

import java.util.Locale;

/** How the Redis endpoints are used: one server, a Redis Cluster's seeds, or sentinels. */
public enum RedisMode {
  STANDALONE,
  CLUSTER,
  SENTINEL;

  /** The mode spelled as in the configuration ({@code cluster}), null when there is none. */
  public static RedisMode named(String name) {
    for (RedisMode m : values()) {
      if (m.toString().equals(name)) {
        return m;
      }
    }
    return null;
  }

  /** The name as configured and logged: {@code standalone}, {@code cluster}, {@code sentinel}. */
  @Override
  public String toString() {
    return name().toLowerCase(Locale.ROOT);
  }
}
