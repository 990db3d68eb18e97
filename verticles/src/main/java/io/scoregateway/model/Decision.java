package io.scoregateway.model;

/**
 * The answer for one candidate. {@code campaign} is null when the track is not enrolled;
 * {@code explain} is null unless the caller asked for it.
 */
public record Decision(Reason reason, double score, String campaign, Explain explain) {

  public boolean promoted() {
    return reason == Reason.PROMOTED;
  }

  /** The inputs of a decision, for {@code explain: true}; NaN/-1 when not looked up. */
  public record Explain(
      double baseScore, double boost, double passRate, long delivered, double planned, long userCount) {}
}
