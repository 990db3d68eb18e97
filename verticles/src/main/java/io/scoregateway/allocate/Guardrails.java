package io.scoregateway.allocate;

import io.scoregateway.pacing.AdmissionHash;

/**
 * The listener guardrails that judge one candidate alone: the relevance floor, and the engagement
 * hold (the variety limit is decided with the slots, in {@link SlotAllocator}).
 */
public final class Guardrails {
  /** Keeps the hold's draw independent of the pacing draw for the same listener and slot. */
  private static final String HOLD_SALT = "/engagement-hold";

  private Guardrails() {}

  /** True when the base score (before boost) is below the surface's floor. */
  public static boolean belowFloor(double baseScore, SurfaceRules rules) {
    return baseScore < rules.floor();
  }

  /**
   * True when the campaign is held on this surface and this listener is outside the share still
   * promoted to; deterministic per (listener, campaign, slot), as the pacing draw is.
   */
  public static boolean heldBack(
      String user, String campaign, long slot, SurfaceRules rules, long plays, long skips) {
    return rules.held(plays, skips)
        && AdmissionHash.unit(user, campaign + HOLD_SALT, slot) >= rules.holdShare();
  }
}
