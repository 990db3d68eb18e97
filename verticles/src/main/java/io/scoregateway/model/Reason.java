package io.scoregateway.model;

/**
 * Why a candidate was or was not promoted; declaration order is gate order (first failing wins).
 */
public enum Reason {
  NOT_ENROLLED("not_enrolled"),
  PAUSED("paused"),
  OUTSIDE_FLIGHT("outside_flight"),
  SURFACE_EXCLUDED("surface_excluded"),
  MARKET_EXCLUDED("market_excluded"),
  NO_SCORE("no_score"),
  BELOW_FLOOR("below_floor"),
  BUDGET_EXHAUSTED("budget_exhausted"),
  FREQUENCY_CAPPED("frequency_capped"),
  ENGAGEMENT_HOLD("engagement_hold"),
  PACED("paced"),
  LABEL_LIMIT("label_limit"),
  SLOT_LIMIT("slot_limit"),
  DEGRADED("degraded"),
  PROMOTED("promoted");

  private final String wire;

  Reason(String wire) {
    this.wire = wire;
  }

  /** The name used in JSON answers and metric labels. */
  public String wire() {
    return wire;
  }
}
