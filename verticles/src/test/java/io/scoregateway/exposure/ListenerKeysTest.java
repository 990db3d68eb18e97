package io.scoregateway.exposure;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class ListenerKeysTest {
  @Test
  void aKeyIsTheDocumentedHashOfTheIdUnderTheSalt() throws Exception {
    // docs/exposure-log.md: SipHash-2-4-128, key = first 16 bytes of SHA-256(salt), in hex
    byte[] k =
        MessageDigest.getInstance("SHA-256").digest("s3cret".getBytes(StandardCharsets.UTF_8));
    SipHash128 sip =
        new SipHash128(SipHash128.littleEndian(k, 0, 8), SipHash128.littleEndian(k, 8, 8));
    sip.hash("u-1".getBytes(StandardCharsets.UTF_8));
    HexFormat hex = HexFormat.of();
    String expected =
        hex.toHexDigits(Long.reverseBytes(sip.low)) + hex.toHexDigits(Long.reverseBytes(sip.high));
    assertThat(new ListenerKeys("s3cret").of("u-1")).isEqualTo(expected).matches("[0-9a-f]{32}");
  }

  @Test
  void stableForOneSaltAndDifferentUnderAnother() {
    ListenerKeys a = new ListenerKeys("s3cret");
    ListenerKeys b = new ListenerKeys("s3cret");
    assertThat(a.of("u-1")).isEqualTo(b.of("u-1")).isEqualTo(a.of("u-1"));
    assertThat(a.of("u-1")).isNotEqualTo(a.of("u-2"));
    assertThat(new ListenerKeys("other").of("u-1")).isNotEqualTo(a.of("u-1"));
    // no salt: the public one, so the key is only pseudonymous
    assertThat(new ListenerKeys("").of("u-1"))
        .isEqualTo(new ListenerKeys(ListenerKeys.PUBLIC_KEY).of("u-1"));
  }

  @Test
  void idsBeyondAsciiAndLongerThanABlockHashByTheirUtf8Bytes() {
    ListenerKeys keys = new ListenerKeys("s");
    assertThat(keys.of("användare-ø")).matches("[0-9a-f]{32}").isNotEqualTo(keys.of("anvandare-o"));
    String longId = "listener-".repeat(20);
    assertThat(keys.of(longId)).isNotEqualTo(keys.of(longId + "x"));
  }
}
