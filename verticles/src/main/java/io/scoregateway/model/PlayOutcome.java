package io.scoregateway.model;

/**
 * How a delivered play went, as the caller reported it: skipped, played on, or not said. Only plays
 * with a known outcome count towards a campaign's skip rate.
 */
public enum PlayOutcome {
  UNKNOWN(""),
  PLAYED("p"),
  SKIPPED("s");

  /** A play shorter than this, reported as {@code listened_ms} alone, counts as a skip. */
  public static final long SKIP_BELOW_MS = 30_000;

  /** Longest play a {@code listened_ms} may report: a day. */
  public static final long MAX_LISTENED_MS = 86_400_000;

  private final String code;

  PlayOutcome(String code) {
    this.code = code;
  }

  /** The code delivery_campaign.lua takes. */
  public String code() {
    return code;
  }

  /**
   * The outcome of an event: {@code skipped} when given (null: absent), else {@code listenedMs}
   * against {@link #SKIP_BELOW_MS} (negative: absent), else unknown.
   */
  public static PlayOutcome of(Boolean skipped, long listenedMs) {
    if (skipped != null) {
      return skipped ? SKIPPED : PLAYED;
    }
    if (listenedMs >= 0) {
      return listenedMs < SKIP_BELOW_MS ? SKIPPED : PLAYED;
    }
    return UNKNOWN;
  }
}
