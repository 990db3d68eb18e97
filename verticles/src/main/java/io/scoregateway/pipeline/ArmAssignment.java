package io.scoregateway.pipeline;

import io.scoregateway.catalog.LiveCatalog;
import io.scoregateway.experiment.ListenerSplit;
import io.scoregateway.model.Arm;
import io.scoregateway.model.SnapshotExperiment;

/**
 * Which snapshot a request is scored from: the challenger for the listeners in the running
 * experiment's share, else the active snapshot (the champion). Either way one snapshot per request,
 * so its scores come in the same single lookup.
 */
final class ArmAssignment {
  private ArmAssignment() {}

  static void assign(ScoreExchange ex, LiveCatalog.View view) {
    SnapshotExperiment e = view.experiment();
    if (e != null && ListenerSplit.in(e.salt(), ex.request().user(), e.share())) {
      ex.assign(Arm.CHALLENGER, e.id(), e.challenger());
    } else {
      ex.assign(Arm.CHAMPION, e == null ? null : e.id(), view.snapshot());
    }
  }
}
