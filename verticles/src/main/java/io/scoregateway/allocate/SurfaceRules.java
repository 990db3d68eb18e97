package io.scoregateway.allocate;

/**
 * One surface's allocation: its policy and its listener guardrails.
 *
 * @param policy how promoted candidates compete for the answer's slots
 * @param floor a candidate whose base score is below this is not promoted ({@code below_floor}); 0
 *     = no floor
 * @param perLabel at most this many promoted tracks of one label per answer ({@code label_limit});
 *     0 = no limit
 * @param maxSkipRate a campaign whose promoted plays in the rolling window are skipped more than
 *     this share is held ({@code engagement_hold}); 1 = never
 * @param minPlays rated plays the window must hold before the skip rate is judged
 * @param holdShare share of listeners a held campaign is still promoted to (the rest answer {@code
 *     engagement_hold}); its plays are how it shows it recovered
 */
public record SurfaceRules(
    AllocationPolicy policy,
    double floor,
    int perLabel,
    double maxSkipRate,
    long minPlays,
    double holdShare) {

  /** Balanced allocation, no guardrail in force. */
  public static final SurfaceRules DEFAULTS =
      new SurfaceRules(AllocationPolicy.BALANCED, 0, 0, 1.0, 50, 0.25);

  public boolean limitsLabels() {
    return perLabel > 0;
  }

  /** Whether a campaign with these rated plays and skips in the window is held back. */
  public boolean held(long plays, long skips) {
    return maxSkipRate < 1 && plays >= minPlays && skips > maxSkipRate * plays;
  }
}
