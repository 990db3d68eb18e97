package io.scoregateway.exposure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** The reference implementation's vectors: key 00..0f, message 00..(n-1), 128-bit tags. */
class SipHash128Test {
  static final String[] VECTORS = {
    "a3817f04ba25a8e66df67214c7550293",
    "da87c1d86b99af44347659119b22fc45",
    "8177228da4a45dc7fca38bdef60affe4",
    "9c70b60c5267a94e5f33b6b02985ed51",
    "f88164c12d9c8faf7d0f6e7c7bcd5579",
    "1368875980776f8854527a07690e9627",
    "14eeca338b208613485ea0308fd7a15e",
    "a1f1ebbed8dbc153c0b84aa61ff08239",
    "3b62a9ba6258f5610f83e264f31497b4",
    "264499060ad9baabc47f8b02bb6d71ed",
  };

  @Test
  void theReferenceVectorsAcrossTheEightByteBoundary() {
    byte[] key = counting(16);
    SipHash128 sip =
        new SipHash128(SipHash128.littleEndian(key, 0, 8), SipHash128.littleEndian(key, 8, 8));
    HexFormat hex = HexFormat.of();
    for (int n = 0; n < VECTORS.length; n++) {
      sip.hash(counting(n));
      String tag =
          hex.toHexDigits(Long.reverseBytes(sip.low))
              + hex.toHexDigits(Long.reverseBytes(sip.high));
      assertThat(tag).as("%d bytes", n).isEqualTo(VECTORS[n]);
    }
  }

  @Test
  void littleEndianReadsTheFirstByteAsTheLowest() {
    assertThat(SipHash128.littleEndian(new byte[] {1, 2, (byte) 0xff}, 0, 3)).isEqualTo(0xff0201L);
    assertThat(SipHash128.littleEndian(new byte[] {9, 1}, 1, 1)).isEqualTo(1L);
    assertThat(SipHash128.littleEndian(new byte[0], 0, 0)).isZero();
  }

  private static byte[] counting(int n) {
    byte[] b = new byte[n];
    for (int i = 0; i < n; i++) {
      b[i] = (byte) i;
    }
    return b;
  }
}
