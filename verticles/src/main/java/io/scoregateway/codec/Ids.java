package io.scoregateway.codec;

/** The id grammar shared by users, tracks, campaigns, segments and snapshots. */
public final class Ids {
  public static final int MAX_LENGTH = 128;

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

  /** True for an ISO 3166 alpha-2 shaped code (two upper-case letters). */
  public static boolean validMarket(String s) {
    return s != null
        && s.length() == 2
        && s.charAt(0) >= 'A'
        && s.charAt(0) <= 'Z'
        && s.charAt(1) >= 'A'
        && s.charAt(1) <= 'Z';
  }

  /** Returns {@code s} when valid, else throws naming the field. */
  public static String require(String field, String s, String what) {
    if (!valid(s)) {
      throw new InvalidInput(field, "invalid " + what + " (expected [A-Za-z0-9._:-]{1,128})");
    }
    return s;
  }
}
