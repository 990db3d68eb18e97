package io.scoregateway.pipeline;

/** Which holdout kept a candidate from being promoted. */
public enum HoldoutScope {
  /** Every campaign on the request's surface holds the listener out (configuration). */
  SURFACE("surface"),
  /** The candidate's campaign holds the listener out (its {@code holdout} field). */
  CAMPAIGN("campaign");

  private final String wire;

  HoldoutScope(String wire) {
    this.wire = wire;
  }

  /** The name used in answers and the exposure log. */
  public String wire() {
    return wire;
  }
}
