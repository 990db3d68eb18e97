package io.scoregateway.redis;

import java.nio.charset.StandardCharsets;

/** Redis Cluster key hash slots: CRC16 (XMODEM) of the key, or of its hash tag, mod 16384. */
public final class HashSlot {
  public static final int SLOTS = 16384;
  private static final int[] TABLE = new int[256];

  static {
    for (int i = 0; i < 256; i++) {
      int crc = i << 8;
      for (int j = 0; j < 8; j++) {
        crc = (crc & 0x8000) != 0 ? (crc << 1) ^ 0x1021 : crc << 1;
      }
      TABLE[i] = crc & 0xFFFF;
    }
  }

  private HashSlot() {}

  public static int of(String key) {
    return of(key.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * The tag rule: the bytes between the first '{' and the next '}', when that span is non-empty.
   */
  public static int of(byte[] key) {
    int start = 0;
    int end = key.length;
    for (int i = 0; i < key.length; i++) {
      if (key[i] == '{') {
        for (int j = i + 1; j < key.length; j++) {
          if (key[j] == '}') {
            if (j > i + 1) {
              start = i + 1;
              end = j;
            }
            break;
          }
        }
        break;
      }
    }
    int crc = 0;
    for (int i = start; i < end; i++) {
      crc = ((crc << 8) ^ TABLE[((crc >>> 8) ^ key[i]) & 0xFF]) & 0xFFFF;
    }
    return crc & (SLOTS - 1);
  }
}
