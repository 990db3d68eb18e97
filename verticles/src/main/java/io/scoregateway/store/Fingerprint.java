package io.scoregateway.store;

import java.security.SecureRandom;

/**
 * A 64-bit hash of an id or a (snapshot, track) key, seeded once per process: what the {@link
 * ScoreCache} and the catalog's track index compare instead of the ids. The seed is secret and
 * random, so keys that collide cannot be chosen; between distinct keys a collision has probability
 * about 2<sup>-64</sup>.
 */
public final class Fingerprint {
  private static final long SEED = new SecureRandom().nextLong();

  private Fingerprint() {}

  /** The fingerprint of one id, on its own. */
  public static long ofId(String id) {
    return mix(chars(SEED, id) + id.length());
  }

  /**
   * {@link #ofId(String)} of an ASCII id given as {@code len} bytes from {@code off}: the same
   * value as for the string of those characters, worked out before (or without) making the string.
   */
  public static long ofId(byte[] ascii, int off, int len) {
    long h = SEED;
    for (int i = off; i < off + len; i++) {
      h = (h ^ ascii[i]) * 0x9e3779b97f4a7c15L;
      h ^= h >>> 29;
    }
    return mix(h + len);
  }

  /** Ids whose {@link #ofId} is known already, by position (a request's candidates, as read). */
  public interface Known {
    long fingerprint(int position);
  }

  /** The snapshot's part, worked out once per request and reused for each of its tracks. */
  static long ofSnapshot(String snapshot) {
    return mix(chars(SEED, snapshot) ^ 0x5bd1e9955bd1e995L);
  }

  /** The key of {@code track} in the snapshot whose {@link #ofSnapshot} is {@code snapshot}. */
  static long of(long snapshot, String track) {
    return mix(chars(snapshot, track) + track.length());
  }

  private static long chars(long h, String s) {
    for (int i = 0; i < s.length(); i++) {
      h = (h ^ s.charAt(i)) * 0x9e3779b97f4a7c15L;
      h ^= h >>> 29;
    }
    return h;
  }

  /** The 64-bit finalizer of MurmurHash3: every input bit reaches every output bit. */
  private static long mix(long h) {
    h ^= h >>> 33;
    h *= 0xff51afd7ed558ccdL;
    h ^= h >>> 33;
    h *= 0xc4ceb9fe1a85ec53L;
    return h ^ (h >>> 33);
  }
}
