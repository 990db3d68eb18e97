package io.scoregateway.model;

import java.util.Locale;

/** Operator-controlled switch of a campaign. */
public enum CampaignStatus {
  ACTIVE,
  PAUSED;

  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses the wire name, or returns null when unknown. */
  public static CampaignStatus parse(String s) {
    for (CampaignStatus m : values()) {
      if (m.wire().equals(s)) {
        return m;
      }
    }
    return null;
  }
}
