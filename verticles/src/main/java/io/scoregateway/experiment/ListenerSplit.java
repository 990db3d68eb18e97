package io.scoregateway.experiment;

import java.nio.charset.StandardCharsets;

/**
 * Deterministic assignment of listeners to groups: a listener is in a group of share {@code s} when
 * {@code unit(salt, listener) < s}. A pure function of its inputs, so every request and every
 * instance agree, and raising a share only adds listeners to the group. Different salts give
 * independent groups (an experiment's arm says nothing of a holdout). The algorithm is documented
 * in docs/exposure-log.md so analysts can recompute it: FNV-1a 64 over the UTF-8 bytes of salt, a
 * zero byte and listener, then the splitmix64 finaliser, top 53 bits as a fraction.
 */
public final class ListenerSplit {
  private static final long FNV_OFFSET = 0xcbf29ce484222325L;
  private static final long FNV_PRIME = 0x100000001b3L;

  private ListenerSplit() {}

  /** A uniform value in [0, 1) for the listener under this salt. */
  public static double unit(String salt, String listener) {
    long h = mix(FNV_OFFSET, salt);
    h *= FNV_PRIME; // the zero separator byte: ("ab", "c") and ("a", "bc") differ
    h = mix(h, listener);
    return (finish(h) >>> 11) * 0x1.0p-53;
  }

  /** True when the listener falls in the group of that share under this salt. */
  public static boolean in(String salt, String listener, double share) {
    return share >= 1.0 || unit(salt, listener) < share;
  }

  private static long mix(long h, String s) {
    for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
      h = (h ^ (b & 0xff)) * FNV_PRIME;
    }
    return h;
  }

  private static long finish(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }
}
