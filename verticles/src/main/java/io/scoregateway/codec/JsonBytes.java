package io.scoregateway.codec;

import io.netty.util.concurrent.FastThreadLocal;
import io.vertx.core.buffer.Buffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * JSON text as bytes while it is written (an answer, a batch of exposure records): ids and fixed
 * names go straight in as ASCII, so the text is never held as chars and encoded again, and numbers
 * are written without a detour through strings where they can be. Copied once, into whatever is
 * sent.
 */
public final class JsonBytes {
  /** A scratch answer kept by a thread at most this large; a larger one is let go after use. */
  private static final int KEPT_CAPACITY = 256 * 1024;

  private static final FastThreadLocal<JsonBytes> SCRATCH =
      new FastThreadLocal<>() {
        @Override
        protected JsonBytes initialValue() {
          return new JsonBytes(16 * 1024);
        }
      };

  private static final double MICROS = 1e6;

  private byte[] bytes;
  private int length;

  public JsonBytes(int capacity) {
    bytes = new byte[Math.max(16, capacity)];
  }

  /**
   * This thread's scratch answer, emptied: answers are written whole on one thread and copied out
   * by {@link #toBuffer()}, so one array per thread serves them all instead of one per answer. Not
   * for an answer that is still being written on this thread.
   */
  public static JsonBytes scratch() {
    JsonBytes out = SCRATCH.get();
    if (out.bytes.length > KEPT_CAPACITY) {
      out = new JsonBytes(16 * 1024);
      SCRATCH.set(out);
    }
    out.length = 0;
    return out;
  }

  public int length() {
    return length;
  }

  public JsonBytes raw(byte[] b) {
    room(b.length);
    System.arraycopy(b, 0, bytes, length, b.length);
    length += b.length;
    return this;
  }

  public JsonBytes ch(char c) {
    room(1);
    bytes[length++] = (byte) c;
    return this;
  }

  /** The string's UTF-8 bytes: its chars themselves when ASCII, as every id is. */
  public JsonBytes text(String s) {
    int n = s.length();
    room(n);
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c >= 0x80) {
        return raw(s.substring(i).getBytes(StandardCharsets.UTF_8));
      }
      bytes[length++] = (byte) c;
    }
    return this;
  }

  public JsonBytes bool(boolean b) {
    return text(b ? "true" : "false");
  }

  /** The decimal digits of {@code v}, as {@link Long#toString(long)} writes them. */
  public JsonBytes integer(long v) {
    if (v >= 0 && v < 10) {
      return ch((char) ('0' + v));
    }
    if (v < 0 || v > Integer.MAX_VALUE) {
      return text(Long.toString(v));
    }
    // int arithmetic: a division by a constant compiles to a multiplication, a long one may not
    int n = (int) v;
    int digits = 1;
    for (int p = 10; digits < 10 && n >= p; p *= 10) {
      digits++;
    }
    return digits(n, digits);
  }

  /** The last {@code digits} decimal digits of {@code n} (not negative), leading zeros kept. */
  private JsonBytes digits(int n, int digits) {
    room(digits);
    for (int i = length + digits - 1; i >= length; i--) {
      int q = n / 10;
      bytes[i] = (byte) ('0' + (n - q * 10));
      n = q;
    }
    length += digits;
    return this;
  }

  /**
   * A number that reads back as exactly {@code v}: integral values as integers, values with at most
   * six decimals as those decimals (written digit by digit), anything else as {@link
   * Double#toString(double)} writes it.
   */
  public JsonBytes number(double v) {
    if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      return integer((long) v);
    }
    double scaled = v * MICROS;
    if (Math.abs(scaled) < 1e15) {
      long m = Math.round(scaled);
      // both sides are the double nearest to m / 10^6: the decimals written parse back to v
      if (m / MICROS == v) {
        return micros(m);
      }
    }
    return text(Double.toString(v));
  }

  /** {@code m / 10^6} as a decimal, trailing zeros left out ({@code m} not a multiple of 10^6). */
  private JsonBytes micros(long m) {
    if (m < 0) {
      ch('-');
      m = -m;
    }
    integer(m / 1_000_000);
    int frac = (int) (m % 1_000_000);
    int digits = 6;
    while (frac % 10 == 0) {
      frac /= 10;
      digits--;
    }
    return ch('.').digits(frac, digits);
  }

  /** {@code n} bytes of {@code b} from {@code from}. */
  public JsonBytes raw(byte[] b, int from, int n) {
    room(n);
    System.arraycopy(b, from, bytes, length, n);
    length += n;
    return this;
  }

  /** The bytes written so far (valid up to {@link #length()}); the array may change as it grows. */
  public byte[] array() {
    return bytes;
  }

  /** Forgets what was written, keeping the array. */
  public void clear() {
    length = 0;
  }

  public Buffer toBuffer() {
    return Buffer.buffer(length).appendBytes(bytes, 0, length);
  }

  private void room(int more) {
    if (length + more > bytes.length) {
      bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + more));
    }
  }
}
