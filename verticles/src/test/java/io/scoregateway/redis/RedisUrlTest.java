package io.scoregateway.redis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class RedisUrlTest {
  @Test
  void redactsPasswordsWhereverTheyAppear() {
    assertThat(RedisUrl.redact("redis://:s3cret@10.0.0.1:6379/2"))
        .isEqualTo("redis://:***@10.0.0.1:6379/2");
    assertThat(RedisUrl.redact("rediss://app:s3cret@h:6380")).isEqualTo("rediss://app:***@h:6380");
    assertThat(RedisUrl.redact("failed: redis://u:p%40ss@h:1, redis://h2:2"))
        .isEqualTo("failed: redis://u:***@h:1, redis://h2:2");
    assertThat(RedisUrl.redact("redis://h:6379?password=s3cret&db=1"))
        .isEqualTo("redis://h:6379?password=***&db=1");
    assertThat(RedisUrl.redact(List.of("redis://:a@h:1", "redis://:b@h:2")))
        .doesNotContain("a@", "b@");
    assertThat(RedisUrl.redact("redis://127.0.0.1:6379")).isEqualTo("redis://127.0.0.1:6379");
  }

  @Test
  void namesWhatIsWrongWithoutRepeatingThePassword() {
    assertThat(RedisUrl.problem("redis://127.0.0.1:6379")).isNull();
    assertThat(RedisUrl.problem("rediss://:pw@cache.internal")).isNull();
    assertThat(RedisUrl.problem("redis://[::1]:6379")).isNull();
    assertThat(RedisUrl.problem("redis://:s3cret@127.0.0.1:70000"))
        .contains("port must be between 1 and 65535")
        .doesNotContain("s3cret");
    assertThat(RedisUrl.problem("redis://127.0.0.1:0")).contains("port must be");
    assertThat(RedisUrl.problem("redis://:s3cret@"))
        .contains("no valid host")
        .doesNotContain("s3cret");
    assertThat(RedisUrl.problem("http://:s3cret@h:1"))
        .contains("must start with")
        .doesNotContain("s3cret");
  }
}
