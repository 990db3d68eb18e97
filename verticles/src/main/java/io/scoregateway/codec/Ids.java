package io.scoregateway.codec;

/** The id grammar shared by users, tracks, campaigns, segments and snapshots. */
public final class Ids {
  public static final int MAX_LENGTH = 128;

  /** The JDK's list of assigned ISO 3166-1 alpha-2 country codes. */
  private static final java.util.Set<String> MARKETS =
      java.util.Set.of(java.util.Locale.getISOCountries());

  private Ids() {}

  /** True when {@code s} matches {@code [A-Za-z0-9._:-]{1,128}}. */
  public static boolean valid(String s) {
    if (s == null || s.isEmpty() || s.length() > MAX_LENGTH) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean ok =
          (c >= 'a' && c <= 'z')
              || (c >= 'A' && c <= 'Z')
              || (c >= '0' && c <= '9')
              || c == '.'
              || c == '_'
              || c == ':'
              || c == '-';
      if (!ok) {
        return false;
      }
    }
    return true;
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
