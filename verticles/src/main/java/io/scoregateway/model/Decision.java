package io.scoregateway.model;

/**
 * The answer for one candidate. {@code campaign} is null when the track is not enrolled; {@code
 * explain} is null unless the caller asked for it.
 */
public record Decision(Reason reason, double score, String campaign, Explain explain) {
  /** The most common answer, shared: a candidate with no campaign and nothing to explain. */
  public static final Decision NOT_ENROLLED = new Decision(Reason.NOT_ENROLLED, 0, null, null);

  public boolean promoted() {
    return reason == Reason.PROMOTED;
  }

  /** The inputs of a decision, for {@code explain: true}; NaN/-1 when not looked up. */
  public record Explain(
      double baseScore,
      double boost,
      double passRate,
      long delivered,
      double planned,
      long userCount) {}
}
