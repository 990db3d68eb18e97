package io.scoregateway.grpc;

import io.scoregateway.codec.WireWriter;
import io.scoregateway.store.Fingerprint;
import java.nio.charset.StandardCharsets;
import java.util.AbstractList;
import java.util.RandomAccess;

/**
 * A request's track ids as they arrived: one copy of the message's bytes, where each id starts and
 * how long it is, and each id's {@link Fingerprint} (worked out by the reader while it checked the
 * id). A string is made only for an id that is asked for by position, so the three quarters of a
 * batch that no campaign enrolls are looked up by fingerprint and written back into the answer as
 * bytes, never made into strings. Strings made are kept; two threads making one at once make equal
 * ones, so nothing is shared unsafely.
 */
final class WireIds extends AbstractList<String> implements RandomAccess, Fingerprint.Known {
  private final byte[] bytes;
  private final int[] offsets;
  private final int[] lengths;
  private final long[] fingerprints;
  private final String[] strings;

  WireIds(byte[] bytes, int[] offsets, int[] lengths, long[] fingerprints, int size) {
    this.bytes = bytes;
    this.offsets = offsets;
    this.lengths = lengths;
    this.fingerprints = fingerprints;
    this.strings = new String[size];
  }

  @Override
  public String get(int i) {
    String s = strings[i];
    if (s == null) {
      s = string(bytes, offsets[i], lengths[i]);
      strings[i] = s;
    }
    return s;
  }

  /**
   * The string of {@code len} bytes from {@code off}: valid ids are ASCII, whose Latin-1 string is
   * a copy of the bytes; anything else (invalid whatever it decodes to) is read as UTF-8.
   */
  static String string(byte[] bytes, int off, int len) {
    for (int i = off; i < off + len; i++) {
      if (bytes[i] < 0) {
        return new String(bytes, off, len, StandardCharsets.UTF_8);
      }
    }
    return new String(bytes, off, len, StandardCharsets.ISO_8859_1);
  }

  @Override
  public int size() {
    return strings.length;
  }

  @Override
  public long fingerprint(int i) {
    return fingerprints[i];
  }

  /** The id's length in bytes (ASCII: one a character). */
  int length(int i) {
    return lengths[i];
  }

  /** Writes the id at {@code i} as a string field, from its bytes. */
  void write(WireWriter o, int field, int i) {
    o.bytes(field, bytes, offsets[i], lengths[i]);
  }
}
