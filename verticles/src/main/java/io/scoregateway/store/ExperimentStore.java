package io.scoregateway.store;

import io.scoregateway.model.SnapshotExperiment;
import io.vertx.core.Future;

/** The one running snapshot experiment, started, changed and stopped by single atomic writes. */
public interface ExperimentStore {
  /** The running experiment, or null. */
  Future<SnapshotExperiment> current();

  /** Starts the experiment, or replaces the running one, with one write; then notifies. */
  Future<Void> start(SnapshotExperiment experiment);

  /** Stops the running experiment with one write; false when none was running. */
  Future<Boolean> stop();
}
