package io.scoregateway.pipeline;

import io.scoregateway.experiment.ListenerSplit;
import io.scoregateway.model.Campaign;
import io.scoregateway.model.Holdout;
import io.scoregateway.model.ScoreRequest;
import java.util.Map;

/**
 * The holdouts a scoring request meets: its surface's (configured per surface), then each
 * campaign's own. Held-out listeners are never promoted; their would-be promotions are recorded.
 */
public final class Holdouts {
  /** No surface holds anybody out; campaigns may still. */
  public static final Holdouts NONE = new Holdouts(Map.of());

  private final Map<String, Holdout> bySurface;

  /**
   * @param bySurface surface name to the holdout of every campaign on it
   */
  public Holdouts(Map<String, Holdout> bySurface) {
    this.bySurface = Map.copyOf(bySurface);
  }

  /** One request's holdouts: its surface is decided once, each campaign when asked. */
  Listener of(ScoreRequest req) {
    Holdout surface = bySurface.get(req.surface());
    boolean held = surface != null && ListenerSplit.in(surface.salt(), req.user(), surface.share());
    return new Listener(req.user(), held);
  }

  /** The holdouts of one listener on one surface. */
  static final class Listener {
    private final String user;
    private final boolean surfaceHeld;

    Listener(String user, boolean surfaceHeld) {
      this.user = user;
      this.surfaceHeld = surfaceHeld;
    }

    /** Which holdout keeps this listener from the campaign, or null. */
    HoldoutScope of(Campaign c) {
      if (surfaceHeld) {
        return HoldoutScope.SURFACE;
      }
      Holdout h = c.holdout();
      return h != null && ListenerSplit.in(h.salt(), user, h.share())
          ? HoldoutScope.CAMPAIGN
          : null;
    }
  }
}
