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

  /**
   * The inputs of a decision, for {@code explain: true}; NaN/-1/null when not looked up or not in
   * force. {@code urgency} is the multiplier the {@code balanced} policy ordered the contest by;
   * {@code floor} the surface's relevance floor; {@code labelCount} the promoted tracks of the
   * campaign's label already kept in this answer when this one was weighed, against {@code
   * labelMax}; {@code plays} and {@code skips} the campaign's rated plays and skips in the rolling
   * window, {@code held} whether the engagement hold is on for it on this surface.
   */
  public record Explain(
      double baseScore,
      double boost,
      double passRate,
      long delivered,
      double planned,
      long userCount,
      double urgency,
      double floor,
      String label,
      int labelCount,
      int labelMax,
      long plays,
      long skips,
      boolean held) {

    /** The pacing inputs alone. */
    public Explain(
        double baseScore,
        double boost,
        double passRate,
        long delivered,
        double planned,
        long userCount) {
      this(
          baseScore,
          boost,
          passRate,
          delivered,
          planned,
          userCount,
          Double.NaN,
          Double.NaN,
          null,
          -1,
          0,
          -1,
          -1,
          false);
    }

    /** The same inputs with the label count the allocation saw. */
    public Explain withLabelCount(int count) {
      return new Explain(
          baseScore, boost, passRate, delivered, planned, userCount, urgency, floor, label, count,
          labelMax, plays, skips, held);
    }
  }
}
