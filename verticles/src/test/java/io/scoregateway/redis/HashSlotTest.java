package io.scoregateway.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.redis.client.impl.ZModem;
import org.junit.jupiter.api.Test;

/** Slots as Redis computes them (values from CLUSTER KEYSLOT), hash tags included. */
class HashSlotTest {
  @Test
  void knownSlots() {
    assertThat(HashSlot.of("foo")).isEqualTo(12182);
    assertThat(HashSlot.of("123456789")).isEqualTo(0x31C3 & 16383);
    assertThat(HashSlot.of("")).isZero();
  }

  @Test
  void hashTagRules() {
    assertThat(HashSlot.of("{u:1}:f:c:2")).isEqualTo(HashSlot.of("u:1"));
    assertThat(HashSlot.of("{c:9}:pacing")).isEqualTo(HashSlot.of("{c:9}:e:x"));
    // empty tag: the whole key counts; only the first '{' opens a tag
    assertThat(HashSlot.of("{}x")).isEqualTo(crcOf("{}x"));
    assertThat(HashSlot.of("a{b}{c}")).isEqualTo(HashSlot.of("b"));
    assertThat(HashSlot.of("a{b")).isEqualTo(crcOf("a{b"));
  }

  @Test
  void agreesWithTheClientOnManyKeys() {
    for (int i = 0; i < 5_000; i++) {
      String k = "sg:s:snap:" + i + (i % 3 == 0 ? "{u:" + i + "}" : "");
      assertThat(HashSlot.of(k)).as(k).isEqualTo(ZModem.generate(k));
    }
  }

  private static int crcOf(String s) {
    return ZModem.generate(s);
  }
}
