package io.scoregateway.pipeline;

import io.scoregateway.catalog.LiveCatalog;
import io.scoregateway.experiment.ListenerSplit;
import io.scoregateway.model.Arm;
import io.scoregateway.model.SnapshotExperiment;

/**
 * Which snapshot a request is scored from: the challenger for the listeners in the running
 * experiment's share, else the active snapshot (the champion). Either way one snapshot per request,
 * so its scores come in the same single lookup, and the answer says how old that snapshot is.
 */
final class ArmAssignment {
  private ArmAssignment() {}

  /**
   * @param nowMillis wall-clock time, which snapshot creation times are measured in
   */
  static void assign(ScoreExchange ex, LiveCatalog.View view, long nowMillis) {
    SnapshotExperiment e = view.experiment();
    if (e == null) {
      ex.assign(Arm.CHAMPION, null, view.snapshot(), view.snapshotAgeSeconds(nowMillis));
    } else if (ListenerSplit.in(e.salt(), ex.request().user(), e.share())) {
      ex.assign(Arm.CHALLENGER, e.id(), e.challenger(), view.challengerAgeSeconds(nowMillis));
    } else {
      ex.assign(Arm.CHAMPION, e.id(), view.snapshot(), view.snapshotAgeSeconds(nowMillis));
    }
  }
}
