package io.scoregateway.config;

import io.scoregateway.pacing.PacingController;

/**
 * The pacing controller's period and how each instance refreshes its view of it.
 *
 * @param slotMs pacing controller period
 * @param refreshMs how often the pacing view is refreshed; 0 = a quarter slot, 100 ms to 5 s
 * @param settleMs how long a delivery may lag its promotion (and still count after the flight's
 *     end); promotions older than this have delivered or never will
 * @param maxBatch most campaigns one pacing refresh sends; the rest wait for the next
 */
public record PacingConfig(long slotMs, long refreshMs, long settleMs, int maxBatch) {

  public static final PacingConfig DEFAULTS =
      new PacingConfig(60_000, 0, PacingController.DEFAULT_SETTLE_MS, 2_000);

  public PacingConfig withSlotMs(long ms) {
    return new PacingConfig(ms, refreshMs, settleMs, maxBatch);
  }

  public PacingConfig withRefreshMs(long ms) {
    return new PacingConfig(slotMs, ms, settleMs, maxBatch);
  }

  /**
   * The pacing refresh period in effect: the configured one, else a quarter slot within 100 ms..5
   * s.
   */
  public long refreshPeriodMs() {
    if (refreshMs > 0) {
      return refreshMs;
    }
    return Math.max(100, Math.min(5_000, slotMs / 4));
  }
}
