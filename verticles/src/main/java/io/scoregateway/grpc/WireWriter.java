package io.scoregateway.grpc;

import java.nio.charset.StandardCharsets;

/**
 * Protobuf wire format into a byte array sized beforehand (the sizes below say how much each field
 * takes): tags, varints, doubles and strings, with ASCII ids copied as their bytes. What {@code
 * CodedOutputStream} does, without its per-call checks and UTF-8 pass over ids already known to be
 * ASCII.
 */
final class WireWriter {
  static final int VARINT = 0;
  static final int FIXED64 = 1;
  static final int LENGTH_DELIMITED = 2;

  private final byte[] out;
  private int pos;

  WireWriter(int size) {
    out = new byte[size];
  }

  byte[] bytes() {
    if (pos != out.length) {
      throw new IllegalStateException("wrote " + pos + " of " + out.length + " bytes");
    }
    return out;
  }

  void tag(int field, int wireType) {
    varint((field << 3) | wireType);
  }

  void varint(int v) {
    while ((v & ~0x7F) != 0) {
      out[pos++] = (byte) ((v & 0x7F) | 0x80);
      v >>>= 7;
    }
    out[pos++] = (byte) v;
  }

  void varint(long v) {
    while ((v & ~0x7FL) != 0) {
      out[pos++] = (byte) ((v & 0x7F) | 0x80);
      v >>>= 7;
    }
    out[pos++] = (byte) v;
  }

  void bool(int field, boolean v) {
    tag(field, VARINT);
    out[pos++] = (byte) (v ? 1 : 0);
  }

  /** An enum or int32 field: negative values take ten bytes, as protobuf writes them. */
  void int32(int field, int v) {
    tag(field, VARINT);
    varint((long) v);
  }

  void int64(int field, long v) {
    tag(field, VARINT);
    varint(v);
  }

  void uint32(int field, int v) {
    tag(field, VARINT);
    varint(v);
  }

  void dbl(int field, double v) {
    tag(field, FIXED64);
    long bits = Double.doubleToRawLongBits(v);
    for (int i = 0; i < 8; i++) {
      out[pos++] = (byte) (bits >>> (8 * i));
    }
  }

  /** The head of an embedded message or a string of {@code size} bytes. */
  void lengthDelimited(int field, int size) {
    tag(field, LENGTH_DELIMITED);
    varint(size);
  }

  /** A string known to be ASCII (a validated id): one byte a char, copied as is. */
  @SuppressWarnings("deprecation") // String.getBytes(int, int, byte[], int): the ASCII copy
  void ascii(int field, String s) {
    int n = s.length();
    lengthDelimited(field, n);
    s.getBytes(0, n, out, pos);
    pos += n;
  }

  /** A string field of bytes already encoded. */
  void bytes(int field, byte[] b, int off, int len) {
    lengthDelimited(field, len);
    System.arraycopy(b, off, out, pos, len);
    pos += len;
  }

  /** Any string, UTF-8 encoded. */
  void string(int field, String s) {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    lengthDelimited(field, b.length);
    System.arraycopy(b, 0, out, pos, b.length);
    pos += b.length;
  }

  static int varintSize(int v) {
    return v < 0 ? 5 : varintSize((long) v);
  }

  static int varintSize(long v) {
    int n = 1;
    while ((v & ~0x7FL) != 0) {
      v >>>= 7;
      n++;
    }
    return n;
  }

  static int tagSize(int field) {
    return varintSize(field << 3);
  }

  static int int32Size(int field, int v) {
    return tagSize(field) + varintSize((long) v);
  }

  static int int64Size(int field, long v) {
    return tagSize(field) + varintSize(v);
  }

  static int boolSize(int field) {
    return tagSize(field) + 1;
  }

  static int doubleSize(int field) {
    return tagSize(field) + 8;
  }

  static int lengthDelimitedSize(int field, int size) {
    return tagSize(field) + varintSize(size) + size;
  }

  static int asciiSize(int field, String s) {
    return lengthDelimitedSize(field, s.length());
  }

  static int stringSize(int field, String s) {
    return lengthDelimitedSize(field, utf8Length(s));
  }

  private static int utf8Length(String s) {
    int n = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 0x80) {
        n++;
      } else if (c < 0x800) {
        n += 2;
      } else if (Character.isHighSurrogate(c)
          && i + 1 < s.length()
          && Character.isLowSurrogate(s.charAt(i + 1))) {
        n += 4;
        i++;
      } else if (Character.isSurrogate(c)) {
        n++; // an unpaired surrogate: getBytes writes '?'
      } else {
        n += 3;
      }
    }
    return n;
  }
}
