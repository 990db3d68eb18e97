package io.scoregateway.pacing;

/**
 * One slot of a campaign's pacing history, as the controller step saw it when the slot began:
 * cumulative deliveries, promotions and plan at that moment, and the pass rate, smoothed demand
 * (eligible attempts per slot, NaN while unknown) and promotion allowance it set for the slot.
 */
public record PacingSlot(
    long atMs,
    long delivered,
    long promoted,
    double planned,
    double passRate,
    double demand,
    long allow) {

  /** The entry a step writes: {@code r} after the step, {@code planned} the plan at {@code now}. */
  public static PacingSlot of(PacingRecord r, double planned, long nowMs) {
    return new PacingSlot(
        nowMs,
        r.delivered,
        r.promoted,
        planned,
        Double.isNaN(r.passRate) ? 0 : r.passRate,
        r.demand,
        r.allow);
  }
}
