package io.scoregateway.codec;

/** The id grammar shared by users, tracks, campaigns, segments and snapshots. */
public final class Ids {
  public static final int MAX_LENGTH = 128;

  /** The JDK's list of assigned ISO 3166-1 alpha-2 country codes. */
  private static final java.util.Set<String> MARKETS =
      java.util.Set.of(java.util.Locale.getISOCountries());

  /** The characters an id may hold, by ASCII code. */
  private static final boolean[] ID_CHARS = new boolean[128];

  /** {@link #ID_CHARS} as bits: codes 0-63 in the low word, 64-127 in the high one. */
  private static final long ID_LOW;

  private static final long ID_HIGH;

  static {
    for (char c = 0; c < 128; c++) {
      ID_CHARS[c] =
          (c >= 'a' && c <= 'z')
              || (c >= 'A' && c <= 'Z')
              || (c >= '0' && c <= '9')
              || c == '.'
              || c == '_'
              || c == ':'
              || c == '-';
    }
    long low = 0;
    long high = 0;
    for (int c = 0; c < 64; c++) {
      low |= ID_CHARS[c] ? 1L << c : 0;
      high |= ID_CHARS[c + 64] ? 1L << c : 0;
    }
    ID_LOW = low;
    ID_HIGH = high;
  }

  private Ids() {}

  /** True when {@code s} matches {@code [A-Za-z0-9._:-]{1,128}}. */
  public static boolean valid(String s) {
    if (s == null || s.isEmpty() || s.length() > MAX_LENGTH) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= 128 || !ID_CHARS[c]) {
        return false;
      }
    }
    return true;
  }

  /** {@link #valid(String)} for {@code len} chars from {@code off}, before any string is built. */
  public static boolean valid(char[] chars, int off, int len) {
    if (len == 0 || len > MAX_LENGTH) {
      return false;
    }
    for (int i = off; i < off + len; i++) {
      char c = chars[i];
      if (c >= 128 || !ID_CHARS[c]) {
        return false;
      }
    }
    return true;
  }

  /** {@link #valid(String)} for {@code len} bytes from {@code off} (ASCII), before any string. */
  public static boolean valid(byte[] bytes, int off, int len) {
    if (len == 0 || len > MAX_LENGTH) {
      return false;
    }
    for (int i = off; i < off + len; i++) {
      byte b = bytes[i];
      if (b < 0 || !ID_CHARS[b]) {
        return false;
      }
    }
    return true;
  }

  /** Whether {@code b} may be a byte of an id: ASCII, in the id grammar. */
  public static boolean idByte(byte b) {
    // bit b of the 128-bit set, without a branch or a bounds check: a long shift takes b mod 64,
    // bit 6 picks the word, and b >>> 7 is odd for a negative (non-ASCII) byte
    long word = (b & 0x40) == 0 ? ID_LOW : ID_HIGH;
    return ((word >>> b) & ~(b >>> 7) & 1) != 0;
  }

  /**
   * True for an assigned ISO 3166-1 alpha-2 code, upper case ({@code SE}; not {@code ZZ}, not
   * {@code se}).
   */
  public static boolean validMarket(String s) {
    return s != null && MARKETS.contains(s);
  }

  /** Returns {@code s} when valid, else throws naming the field. */
  public static String require(String field, String s, String what) {
    if (!valid(s)) {
      throw new InvalidInput(field, "invalid " + what + " (expected [A-Za-z0-9._:-]{1,128})");
    }
    return s;
  }
}
