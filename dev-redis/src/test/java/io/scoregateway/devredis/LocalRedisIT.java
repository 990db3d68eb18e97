package io.scoregateway.devredis;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The fallback for machines without redis-server: the binary shipped in the Maven dependency. */
class LocalRedisIT {
  @Test
  void bundledServerStartsAnswersAndStops() throws Exception {
    LocalRedis redis = LocalRedis.startBundled();
    try {
      assertThat(redis.binaryPath()).contains("redis-server-6.2");
      assertThat(redis.command("PING")).isEqualTo("+PONG");
      assertThat(redis.command("SET k v")).isEqualTo("+OK");
    } finally {
      redis.close();
    }
    assertThat(redis.isAlive()).isFalse();
  }

  @Test
  void pathServerIsPreferredWhenPresent() throws Exception {
    try (LocalRedis redis = LocalRedis.start()) {
      String onPath = System.getenv("GATEWAY_DEV_REDIS_BINARY") == null ? which() : null;
      if (onPath != null) {
        assertThat(redis.binaryPath()).isEqualTo(onPath);
      }
      assertThat(redis.command("PING")).isEqualTo("+PONG");
    }
  }

  private static String which() {
    for (String d : System.getenv("PATH").split(java.io.File.pathSeparator, -1)) {
      if (d.isEmpty()) {
        continue; // an empty PATH entry names no directory to look in
      }
      java.io.File f = new java.io.File(d, "redis-server");
      if (f.canExecute()) {
        return f.getAbsolutePath();
      }
    }
    return null;
  }
}
