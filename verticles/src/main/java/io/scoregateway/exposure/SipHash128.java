package io.scoregateway.exposure;

/**
 * SipHash-2-4 with its 128-bit output (Aumasson and Bernstein, the reference implementation's
 * {@code outlen = 16}): a keyed hash made for short inputs. The tag's 16 bytes are {@link #low}
 * then {@link #high}, each little-endian, as the reference writes them. Not thread-safe: one per
 * thread, its state reused from hash to hash.
 */
final class SipHash128 {
  private final long k0;
  private final long k1;
  private long v0;
  private long v1;
  private long v2;
  private long v3;

  /** The first 8 bytes of the last tag, as a little-endian number. */
  long low;

  /** The last 8 bytes of the last tag, as a little-endian number. */
  long high;

  /**
   * @param k0 key bytes 0-7, read little-endian
   * @param k1 key bytes 8-15, read little-endian
   */
  SipHash128(long k0, long k1) {
    this.k0 = k0;
    this.k1 = k1;
  }

  /** Hashes {@code m} into {@link #low} and {@link #high}. */
  void hash(byte[] m) {
    v0 = 0x736f6d6570736575L ^ k0;
    v1 = 0x646f72616e646f6dL ^ k1 ^ 0xee;
    v2 = 0x6c7967656e657261L ^ k0;
    v3 = 0x7465646279746573L ^ k1;
    int whole = m.length & ~7;
    for (int i = 0; i < whole; i += 8) {
      long w = littleEndian(m, i, 8);
      v3 ^= w;
      rounds(2);
      v0 ^= w;
    }
    long last = ((long) m.length << 56) | littleEndian(m, whole, m.length - whole);
    v3 ^= last;
    rounds(2);
    v0 ^= last;
    v2 ^= 0xee;
    rounds(4);
    low = v0 ^ v1 ^ v2 ^ v3;
    v1 ^= 0xdd;
    rounds(4);
    high = v0 ^ v1 ^ v2 ^ v3;
  }

  /** {@code n} bytes from {@code off}, the first the lowest. */
  static long littleEndian(byte[] b, int off, int n) {
    long w = 0;
    for (int i = n - 1; i >= 0; i--) {
      w = (w << 8) | (b[off + i] & 0xffL);
    }
    return w;
  }

  private void rounds(int n) {
    for (int r = 0; r < n; r++) {
      v0 += v1;
      v1 = Long.rotateLeft(v1, 13) ^ v0;
      v0 = Long.rotateLeft(v0, 32);
      v2 += v3;
      v3 = Long.rotateLeft(v3, 16) ^ v2;
      v0 += v3;
      v3 = Long.rotateLeft(v3, 21) ^ v0;
      v2 += v1;
      v1 = Long.rotateLeft(v1, 17) ^ v2;
      v2 = Long.rotateLeft(v2, 32);
    }
  }
}
