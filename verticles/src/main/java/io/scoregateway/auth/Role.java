package io.scoregateway.auth;

import java.util.Locale;

/** What a client may do: score, report deliveries, administer. */
public enum Role {
  SCORE,
  DELIVER,
  ADMIN;

  public static Role parse(String s) {
    for (Role r : values()) {
      if (r.name().toLowerCase(Locale.ROOT).equals(s)) {
        return r;
      }
    }
    return null;
  }
}
