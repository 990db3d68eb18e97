package io.scoregateway.model;

/**
 * The arm of a snapshot experiment a listener is served: the active snapshot, or the challenger.
 */
public enum Arm {
  CHAMPION("champion"),
  CHALLENGER("challenger");

  private final String wire;

  Arm(String wire) {
    this.wire = wire;
  }

  /** The name used in answers, metric labels and the exposure log. */
  public String wire() {
    return wire;
  }
}
