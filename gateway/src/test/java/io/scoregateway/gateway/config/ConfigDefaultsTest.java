package io.scoregateway.gateway.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.scoregateway.config.EngineConfig;
import io.scoregateway.config.RedisConfig;
import io.scoregateway.config.RedisMode;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigDefaultsTest {
  static GatewayConfig resolve(Map<ConfigKey, String> flags) {
    return GatewayConfig.from(ConfigSources.resolve(flags, Map.of(), null));
  }

  @Test
  void theDocumentedDefaultsAreTheEnginesDefaults() {
    assertThat(resolve(Map.of()).engine())
        .isEqualTo(EngineConfig.over(RedisConfig.standalone("redis://127.0.0.1:6379")));
  }

  @Test
  void theRedisModeIsReadOnceIntoItsEnum() {
    GatewayConfig sentinel =
        resolve(
            Map.of(
                ConfigKey.REDIS_MODE, " sentinel ",
                ConfigKey.REDIS, "redis://a:26379,redis://b:26379",
                ConfigKey.REDIS_MASTER, "primary"));
    assertThat(sentinel.engine().redis())
        .isEqualTo(
            RedisConfig.sentinel(
                java.util.List.of("redis://a:26379", "redis://b:26379"), "primary"));
    assertThat(RedisMode.named("cluster")).isEqualTo(RedisMode.CLUSTER);
    assertThatThrownBy(() -> resolve(Map.of(ConfigKey.REDIS_MODE, "Cluster")))
        .hasMessage(
            "--redis-mode (GATEWAY_REDIS_MODE, redis_mode): must be standalone, cluster or"
                + " sentinel, got 'Cluster'");
  }

  @Test
  void everyNumberIsCheckedAgainstItsDeclaredBounds() {
    for (ConfigKey k : ConfigKey.values()) {
      if (k.kind() != ConfigKey.Kind.NUMBER) {
        continue;
      }
      assertThatThrownBy(() -> resolve(Map.of(k, Long.toString(k.max() + 1))))
          .as(k.flag())
          .hasMessageStartingWith(k.flag() + " (")
          .hasMessageEndingWith(
              "must be between " + k.min() + " and " + k.max() + ", got " + (k.max() + 1));
    }
  }
}
