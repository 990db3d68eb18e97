package io.scoregateway.pacing;

import java.nio.charset.StandardCharsets;

/**
 * Deterministic admission: an eligible candidate passes the pacing gate when {@code hash(user,
 * campaign, slot) < passRate}. The same listener gets the same answer for the whole slot, so a
 * retried request is answered the same way.
 */
public final class AdmissionHash {
  private static final long FNV_OFFSET = 0xcbf29ce484222325L;
  private static final long FNV_PRIME = 0x100000001b3L;

  private AdmissionHash() {}

  /** A uniform value in [0, 1) for (user, campaign, slot). */
  public static double unit(String user, String campaign, long slot) {
    long h = FNV_OFFSET;
    h = mix(h, user);
    h = (h ^ 0) * FNV_PRIME;
    h = mix(h, campaign);
    h = (h ^ 0) * FNV_PRIME;
    h = mixDecimal(h, slot);
    return (finish(h) >>> 11) * 0x1.0p-53;
  }

  public static boolean admits(String user, String campaign, long slot, double passRate) {
    return passRate >= 1.0 || unit(user, campaign, slot) < passRate;
  }

  /** {@link #admits(String, String, long, double)} with the {@link #unit} already computed. */
  public static boolean admits(double unit, double passRate) {
    return passRate >= 1.0 || unit < passRate;
  }

  /** FNV-1a over the UTF-8 bytes of {@code s}; ids are ASCII, whose chars are their bytes. */
  private static long mix(long h, String s) {
    long ascii = h;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= 0x80) {
        return mixBytes(h, s.getBytes(StandardCharsets.UTF_8));
      }
      ascii = (ascii ^ c) * FNV_PRIME;
    }
    return ascii;
  }

  private static long mixBytes(long h, byte[] bytes) {
    for (byte b : bytes) {
      h = (h ^ (b & 0xff)) * FNV_PRIME;
    }
    return h;
  }

  /** FNV-1a over the digits of {@code Long.toString(v)}, without building the string. */
  private static long mixDecimal(long h, long v) {
    if (v < 0 || v > Integer.MAX_VALUE) {
      return mix(h, Long.toString(v));
    }
    // int arithmetic: a division by a constant compiles to a multiplication, a long one may not.
    // The digits, least significant first, as nibbles: the most significant ends up lowest.
    int rest = (int) v;
    long packed = 0;
    int n = 0;
    do {
      int q = rest / 10;
      packed = (packed << 4) | (rest - q * 10);
      rest = q;
      n++;
    } while (rest != 0);
    for (int i = 0; i < n; i++) {
      h = (h ^ ('0' + (packed & 0xf))) * FNV_PRIME;
      packed >>>= 4;
    }
    return h;
  }

  // splitmix64 finaliser: FNV alone leaves the high bits poorly mixed for short inputs
  private static long finish(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }
}
