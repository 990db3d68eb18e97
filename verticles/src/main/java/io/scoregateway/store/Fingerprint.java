package io.scoregateway.store;

import io.scoregateway.codec.Ids;
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
   * What {@link #ofCheckedId} answers for bytes that are not an id. A valid id's fingerprint is
   * this value too once in 2^64; {@link Ids#valid(byte[], int, int)} then tells the two apart.
   */
  public static final long NOT_AN_ID = 0;

  /**
   * {@link #ofId(String)} of the id given as {@code len} bytes from {@code off}, checked against
   * the id grammar ({@code [A-Za-z0-9._:-]{1,128}}) in the same pass that hashes them, before (or
   * without) making a string; {@link #NOT_AN_ID} when they are not an id.
   */
  @SuppressWarnings("ShortCircuitBoolean") // & on purpose: four checks, no branch between them
  public static long ofCheckedId(byte[] ascii, int off, int len) {
    if (len == 0 || len > Ids.MAX_LENGTH) {
      return NOT_AN_ID;
    }
    long h = SEED;
    boolean ok = true;
    int end = off + len;
    int i = off;
    for (; i + 4 <= end; i += 4) {
      byte b0 = ascii[i];
      byte b1 = ascii[i + 1];
      byte b2 = ascii[i + 2];
      byte b3 = ascii[i + 3];
      ok &= Ids.idByte(b0) & Ids.idByte(b1) & Ids.idByte(b2) & Ids.idByte(b3);
      h = round(h, b0 | (long) b1 << 16 | (long) b2 << 32 | (long) b3 << 48);
    }
    if (i < end) {
      long w = 0;
      for (int shift = 0; i < end; i++, shift += 16) {
        byte c = ascii[i];
        ok &= Ids.idByte(c);
        w |= (long) c << shift;
      }
      h = round(h, w);
    }
    // an id's bytes are ASCII, so each is its char; past a failed check h is garbage, unused
    return ok ? mix(h + len) : NOT_AN_ID;
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

  /**
   * Four chars a round, each a 16-bit lane of one 64-bit word, so a seven-char id takes two
   * dependent multiplications, not seven; the bytes of an ASCII id make the same words.
   */
  private static long chars(long h, String s) {
    int n = s.length();
    int i = 0;
    for (; i + 4 <= n; i += 4) {
      h =
          round(
              h,
              s.charAt(i)
                  | (long) s.charAt(i + 1) << 16
                  | (long) s.charAt(i + 2) << 32
                  | (long) s.charAt(i + 3) << 48);
    }
    if (i < n) {
      long w = 0;
      for (int shift = 0; i < n; i++, shift += 16) {
        w |= (long) s.charAt(i) << shift;
      }
      h = round(h, w);
    }
    return h;
  }

  /** One word into the state: a bijection of {@code h ^ w}, so one word never collides. */
  private static long round(long h, long w) {
    h = (h ^ w) * 0x9e3779b97f4a7c15L;
    return h ^ (h >>> 29);
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
