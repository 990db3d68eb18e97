package io.scoregateway.grpc;

import io.scoregateway.codec.Ids;
import io.scoregateway.store.Fingerprint;
import io.vertx.core.buffer.Buffer;
import io.vertx.grpc.common.GrpcMessageDecoder;
import java.util.Arrays;
import java.util.List;

/**
 * {@code scoregateway.v1.ScoreRequest} read straight from its wire bytes into the fields the engine
 * needs, as the JSON parser reads text: no message object, no lazy string list, no UTF-8 decoding
 * pass per id. Track ids are checked against the id grammar on the bytes and fingerprinted there;
 * they stay bytes ({@link WireIds}) until a string of one is asked for. It reads what the generated
 * parser reads (the last value of a singular field wins, a known field of the wrong wire type is an
 * unknown field), which {@code ScoreRequestDecoderTest} checks against it; what is invalid is left
 * for {@link ScoreRequests} to name, in the same order as before. A 1000-candidate request cost
 * about 55 µs of event-loop time through the generated parser and {@code getCandidatesList()}.
 */
final class ScoreRequestDecoder {
  static final String TYPE = "scoregateway.v1.ScoreRequest";

  /** Nesting of unknown groups the generated parser would also refuse past. */
  private static final int MAX_DEPTH = 100;

  private ScoreRequestDecoder() {}

  /**
   * A request as it arrived, before validation.
   *
   * @param invalidCandidate the first position whose id breaks the id grammar, or -1
   * @param maxPromoted -1 when absent (a present negative value stays negative)
   * @param hasMaxPromoted whether {@code max_promoted} was set
   * @param unknownField the lowest field number this version does not know, or 0
   */
  record Fields(
      String user,
      String surface,
      String market,
      String segment,
      List<String> candidates,
      int invalidCandidate,
      boolean hasMaxPromoted,
      int maxPromoted,
      boolean explain,
      int unknownField) {}

  static final GrpcMessageDecoder<Decoded<Fields>> DECODER =
      Decoded.reading(ScoreRequestDecoder::decode, TYPE);

  /** The fields of {@code payload}, or null when it is not a well-formed message. */
  static Fields decode(Buffer payload) {
    // a copy of its own: the track ids are read from it for as long as the request lives
    byte[] bytes = payload.getBytes();
    return decode(bytes, 0, bytes.length);
  }

  /**
   * The fields of {@code len} bytes from {@code off}, or null when not a well-formed message. The
   * candidates refer to {@code a}, which must not change afterwards.
   */
  static Fields decode(byte[] a, int off, int len) {
    Reader r = new Reader(a, off, off + len);
    return r.request();
  }

  /** One pass over the bytes; -1 from a read marks them malformed. */
  private static final class Reader {
    private final byte[] a;
    private final int end;
    private int pos;
    private boolean malformed;

    private String user = "";
    private String surface = "";
    private String market = "";
    private String segment = "";
    private int[] offsets = new int[16];
    private int[] lengths = new int[16];
    private long[] fingerprints = new long[16];
    private int count;
    private int invalid = -1;
    private boolean hasMax;
    private int max = -1;
    private boolean explain;
    private int unknown;

    Reader(byte[] a, int pos, int end) {
      this.a = a;
      this.pos = pos;
      this.end = end;
    }

    Fields request() {
      while (pos < end && !malformed) {
        // a tag is read as protobuf reads it: a varint of up to ten bytes, its low 32 bits kept
        int tag = (int) varint();
        int field = tag >>> 3;
        int wireType = tag & 7;
        if (malformed || field == 0) {
          return null;
        }
        if (wireType == 2 && field <= 5) {
          int n = length();
          if (n < 0) {
            return null;
          }
          if (field == 5) {
            candidate(n);
          } else {
            String s = string(n);
            switch (field) {
              case 1 -> user = s;
              case 2 -> surface = s;
              case 3 -> market = s;
              default -> segment = s;
            }
          }
          pos += n;
        } else if (wireType == 0 && (field == 6 || field == 7)) {
          long v = varint();
          if (field == 6) {
            hasMax = true;
            max = (int) v;
          } else {
            explain = v != 0;
          }
        } else {
          if (unknown == 0 || field < unknown) {
            unknown = field;
          }
          skip(field, wireType, 0);
        }
      }
      if (malformed) {
        return null;
      }
      return new Fields(
          user,
          surface,
          market,
          segment,
          new WireIds(a, offsets, lengths, fingerprints, count),
          invalid,
          hasMax,
          hasMax ? max : -1,
          explain,
          unknown);
    }

    private void candidate(int n) {
      if (count == offsets.length) {
        offsets = Arrays.copyOf(offsets, count * 2);
        lengths = Arrays.copyOf(lengths, count * 2);
        fingerprints = Arrays.copyOf(fingerprints, count * 2);
      }
      offsets[count] = pos;
      lengths[count] = n;
      long f = Fingerprint.ofCheckedId(a, pos, n);
      if (f != Fingerprint.NOT_AN_ID || Ids.valid(a, pos, n)) {
        fingerprints[count] = f;
      } else if (invalid < 0) {
        invalid = count;
      }
      count++;
    }

    private String string(int n) {
      return WireIds.string(a, pos, n);
    }

    /** A length prefix that fits in what is left, or -1. */
    private int length() {
      long n = varint();
      if (malformed || n < 0 || n > end - pos) {
        malformed = true;
        return -1;
      }
      return (int) n;
    }

    /** A base-128 varint of at most 10 bytes. */
    private long varint() {
      long v = 0;
      for (int shift = 0; shift < 64; shift += 7) {
        if (pos >= end) {
          malformed = true;
          return -1;
        }
        byte b = a[pos++];
        v |= (long) (b & 0x7F) << shift;
        if (b >= 0) {
          return v;
        }
      }
      malformed = true;
      return -1;
    }

    private void skip(int field, int wireType, int depth) {
      switch (wireType) {
        case 0 -> varint();
        case 1 -> advance(8);
        case 2 -> {
          int n = length();
          if (n >= 0) {
            pos += n;
          }
        }
        case 3 -> skipGroup(field, depth + 1);
        case 5 -> advance(4);
        default -> malformed = true;
      }
    }

    private void skipGroup(int field, int depth) {
      if (depth > MAX_DEPTH) {
        malformed = true;
        return;
      }
      while (!malformed) {
        if (pos >= end) {
          malformed = true;
          return;
        }
        int tag = (int) varint();
        int f = tag >>> 3;
        int wt = tag & 7;
        if (malformed || f == 0) {
          malformed = true;
          return;
        }
        if (wt == 4) {
          malformed = f != field;
          return;
        }
        skip(f, wt, depth);
      }
    }

    private void advance(int n) {
      if (end - pos < n) {
        malformed = true;
      } else {
        pos += n;
      }
    }
  }
}
