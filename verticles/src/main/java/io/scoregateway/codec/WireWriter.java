package io.scoregateway.codec;

import io.netty.buffer.Unpooled;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.internal.buffer.BufferInternal;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Protobuf wire format in one pass into a growing byte array: tags, varints, doubles and strings,
 * with ASCII ids copied as their bytes. An embedded message is opened before its size is known
 * ({@link #begin}) with one byte kept for its length, enough for any message under 128 bytes (a
 * result without explain); a longer one is moved up by the bytes its length needs when it is closed
 * ({@link #end}). What {@code CodedOutputStream} does, without sizing every message first, its
 * per-call checks and its UTF-8 pass over ids already known to be ASCII.
 */
public final class WireWriter {
  private static final int VARINT = 0;
  private static final int FIXED64 = 1;
  private static final int LENGTH_DELIMITED = 2;

  /** The most bytes one varint takes, and so the most any field's head takes after its tag. */
  private static final int MAX_VARINT = 10;

  private static final VarHandle LITTLE_ENDIAN_LONG =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  private byte[] out;
  private int pos;

  /** A writer with room for {@code capacity} bytes before it grows. */
  public WireWriter(int capacity) {
    out = new byte[Math.max(16, capacity)];
  }

  /** The bytes written, as a buffer over this writer's array (not copied). */
  public Buffer buffer() {
    return BufferInternal.buffer(Unpooled.wrappedBuffer(out, 0, pos));
  }

  /** Bytes written so far. */
  public int size() {
    return pos;
  }

  /** The array written into: its first {@link #size} bytes are the message (until it grows). */
  public byte[] array() {
    return out;
  }

  /** Starts over at the first byte, keeping the array. */
  public void clear() {
    pos = 0;
  }

  private void room(int n) {
    if (out.length - pos < n) {
      out = Arrays.copyOf(out, Math.max(out.length * 2, pos + n));
    }
  }

  /** A field's tag; the caller made room for it. */
  private void tag(int field, int wireType) {
    put((field << 3) | wireType);
  }

  /** A varint; the caller made room for it ({@link #MAX_VARINT}). */
  private void put(int v) {
    while ((v & ~0x7F) != 0) {
      out[pos++] = (byte) ((v & 0x7F) | 0x80);
      v >>>= 7;
    }
    out[pos++] = (byte) v;
  }

  private void put(long v) {
    while ((v & ~0x7FL) != 0) {
      out[pos++] = (byte) ((v & 0x7F) | 0x80);
      v >>>= 7;
    }
    out[pos++] = (byte) v;
  }

  public void bool(int field, boolean v) {
    room(MAX_VARINT + 1);
    tag(field, VARINT);
    out[pos++] = (byte) (v ? 1 : 0);
  }

  /** An enum or int32 field: negative values take ten bytes, as protobuf writes them. */
  public void int32(int field, int v) {
    room(2 * MAX_VARINT);
    tag(field, VARINT);
    put((long) v);
  }

  public void int64(int field, long v) {
    room(2 * MAX_VARINT);
    tag(field, VARINT);
    put(v);
  }

  public void uint32(int field, int v) {
    room(2 * MAX_VARINT);
    tag(field, VARINT);
    put(v);
  }

  public void dbl(int field, double v) {
    room(MAX_VARINT + 8);
    tag(field, FIXED64);
    LITTLE_ENDIAN_LONG.set(out, pos, Double.doubleToRawLongBits(v));
    pos += 8;
  }

  /**
   * Opens an embedded message under {@code field}, its length not yet known; returns the mark that
   * {@link #end} closes it with.
   */
  public int begin(int field) {
    room(MAX_VARINT + 1);
    tag(field, LENGTH_DELIMITED);
    return pos++;
  }

  /** Closes the message {@link #begin} opened at {@code mark}: its length goes before it. */
  public void end(int mark) {
    int len = pos - mark - 1;
    if (len < 0x80) {
      out[mark] = (byte) len;
      return;
    }
    int extra = varintSize(len) - 1;
    room(extra);
    System.arraycopy(out, mark + 1, out, mark + 1 + extra, len);
    int after = pos + extra;
    pos = mark;
    put(len);
    pos = after;
  }

  /** A string known to be ASCII (a validated id): one byte a char, copied as is. */
  @SuppressWarnings("deprecation") // String.getBytes(int, int, byte[], int): the ASCII copy
  public void ascii(int field, String s) {
    int n = s.length();
    room(2 * MAX_VARINT + n);
    tag(field, LENGTH_DELIMITED);
    put(n);
    s.getBytes(0, n, out, pos);
    pos += n;
  }

  /** A string field of bytes already encoded. */
  public void bytes(int field, byte[] b, int off, int len) {
    room(2 * MAX_VARINT + len);
    tag(field, LENGTH_DELIMITED);
    put(len);
    System.arraycopy(b, off, out, pos, len);
    pos += len;
  }

  /** Any string, UTF-8 encoded (an unpaired surrogate as {@code ?}). */
  public void string(int field, String s) {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    bytes(field, b, 0, b.length);
  }

  private static int varintSize(long v) {
    int n = 1;
    while ((v & ~0x7FL) != 0) {
      v >>>= 7;
      n++;
    }
    return n;
  }
}
