package io.scoregateway.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.scoregateway.config.RedisConfig;
import io.vertx.redis.client.RedisClientType;
import io.vertx.redis.client.RedisOptions;
import io.vertx.redis.client.RedisRole;
import java.util.List;
import org.junit.jupiter.api.Test;

class RedisLinkOptionsTest {
  static final List<String> SEEDS = List.of("redis://10.0.0.1:6379", "redis://10.0.0.2:6379");

  @Test
  void eachModeOpensItsClientType() {
    RedisOptions standalone = RedisLinkOptions.of(RedisConfig.standalone("redis://h:6379"));
    assertThat(standalone.getType()).isEqualTo(RedisClientType.STANDALONE);
    assertThat(standalone.getEndpoints()).containsExactly("redis://h:6379");

    RedisOptions cluster = RedisLinkOptions.of(RedisConfig.cluster(SEEDS));
    assertThat(cluster.getType()).isEqualTo(RedisClientType.CLUSTER);
    assertThat(cluster.getEndpoints()).containsExactlyElementsOf(SEEDS);

    RedisOptions sentinel = RedisLinkOptions.of(RedisConfig.sentinel(SEEDS, "primary"));
    assertThat(sentinel.getType()).isEqualTo(RedisClientType.SENTINEL);
    assertThat(sentinel.getRole()).isEqualTo(RedisRole.MASTER);
    assertThat(sentinel.getMasterName()).isEqualTo("primary");
  }

  @Test
  void rediss_urlsTurnTlsOnWithTheConfiguredTrust() {
    RedisOptions o =
        RedisLinkOptions.of(
            RedisConfig.standalone("rediss://h:6380").withTls("/ca.pem", "/c.pem", "/k.pem"));
    assertThat(o.getNetClientOptions().isSsl()).isTrue();
    assertThat(o.getNetClientOptions().getHostnameVerificationAlgorithm()).isEqualTo("HTTPS");
    assertThat(o.getNetClientOptions().getTrustOptions()).isNotNull();
    assertThat(o.getNetClientOptions().getKeyCertOptions()).isNotNull();
    assertThat(
            RedisLinkOptions.of(RedisConfig.standalone("redis://h:6379"))
                .getNetClientOptions()
                .isSsl())
        .isFalse();
  }
}
