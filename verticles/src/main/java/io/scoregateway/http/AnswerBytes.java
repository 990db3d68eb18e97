package io.scoregateway.http;

import io.netty.util.concurrent.FastThreadLocal;
import io.vertx.core.buffer.Buffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * An answer's bytes as they are written: ids and fixed names go straight in as ASCII, so the answer
 * is never held as chars and encoded again, and it is copied once, into the buffer sent.
 */
final class AnswerBytes {
  /** A scratch answer kept by a thread at most this large; a larger one is let go after use. */
  private static final int KEPT_CAPACITY = 256 * 1024;

  private static final FastThreadLocal<AnswerBytes> SCRATCH =
      new FastThreadLocal<>() {
        @Override
        protected AnswerBytes initialValue() {
          return new AnswerBytes(16 * 1024);
        }
      };

  private byte[] bytes;
  private int length;

  AnswerBytes(int capacity) {
    bytes = new byte[Math.max(16, capacity)];
  }

  /**
   * This thread's scratch answer, emptied: answers are written whole on one thread and copied out
   * by {@link #toBuffer()}, so one array per thread serves them all instead of one per answer. Not
   * for an answer that is still being written on this thread.
   */
  static AnswerBytes scratch() {
    AnswerBytes out = SCRATCH.get();
    if (out.bytes.length > KEPT_CAPACITY) {
      out = new AnswerBytes(16 * 1024);
      SCRATCH.set(out);
    }
    out.length = 0;
    return out;
  }

  int length() {
    return length;
  }

  AnswerBytes raw(byte[] b) {
    room(b.length);
    System.arraycopy(b, 0, bytes, length, b.length);
    length += b.length;
    return this;
  }

  AnswerBytes ch(char c) {
    room(1);
    bytes[length++] = (byte) c;
    return this;
  }

  /** The string's UTF-8 bytes: its chars themselves when ASCII, as every id is. */
  AnswerBytes text(String s) {
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

  AnswerBytes bool(boolean b) {
    return text(b ? "true" : "false");
  }

  /** The decimal digits of {@code v}, as {@link Long#toString(long)} writes them. */
  AnswerBytes integer(long v) {
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
    room(digits);
    for (int i = length + digits - 1; i >= length; i--) {
      int q = n / 10;
      bytes[i] = (byte) ('0' + (n - q * 10));
      n = q;
    }
    length += digits;
    return this;
  }

  /** Integral values as integers, anything else as {@link Double#toString(double)} writes it. */
  AnswerBytes number(double v) {
    if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      return integer((long) v);
    }
    return text(Double.toString(v));
  }

  Buffer toBuffer() {
    return Buffer.buffer(length).appendBytes(bytes, 0, length);
  }

  private void room(int more) {
    if (length + more > bytes.length) {
      bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + more));
    }
  }
}
