package io.scoregateway.model;

import java.util.Locale;

/** How a campaign spreads its budget over its flight. */
public enum PacingMode {
  EVEN,
  ASAP,
  FRONT_LOADED;

  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses the wire name, or returns null when unknown. */
  public static PacingMode parse(String s) {
    for (PacingMode m : values()) {
      if (m.wire().equals(s)) {
        return m;
      }
    }
    return null;
  }
}
