package io.scoregateway.pipeline;

import io.scoregateway.experiment.ListenerSplit;
import io.scoregateway.model.Campaign;
import io.scoregateway.model.Holdout;
import io.scoregateway.model.ScoreRequest;
import java.util.Map;

/**
 * The holdouts a scoring request meets: its surface's (configured per surface), then each
 * campaign's own. Held-out listeners are never promoted; their would-be promotions are recorded. A
 * request decides its surface once and each distinct campaign once; with no holdout configured
 * neither hashes anything.
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

  /** True when the request's surface holds its listener out of every campaign. */
  boolean holdsSurface(ScoreRequest req) {
    if (bySurface.isEmpty()) {
      return false;
    }
    Holdout surface = bySurface.get(req.surface());
    return surface != null && ListenerSplit.in(surface.salt(), req.user(), surface.share());
  }

  /**
   * Which holdout keeps {@code user} from the campaign, or null: the surface's when {@code
   * surfaceHeld}, else the campaign's own.
   */
  static HoldoutScope of(boolean surfaceHeld, String user, Campaign c) {
    if (surfaceHeld) {
      return HoldoutScope.SURFACE;
    }
    Holdout h = c.holdout();
    return h != null && ListenerSplit.in(h.salt(), user, h.share()) ? HoldoutScope.CAMPAIGN : null;
  }
}
