package io.scoregateway.store;

import io.scoregateway.model.ScoreSnapshot;
import io.vertx.core.Future;
import java.util.List;

/** Score snapshot metadata and the single active-snapshot pointer. */
public interface SnapshotStore {
  /** The active snapshot id, or null when none was activated. */
  Future<String> active();

  /** Every known snapshot, by id. */
  Future<List<ScoreSnapshot>> list();

  /** One snapshot's metadata, or null. */
  Future<ScoreSnapshot> get(String id);

  /** Records a snapshot's metadata (the loader marks it loading, then complete). */
  Future<Void> describe(ScoreSnapshot snapshot);

  /** Removes a snapshot's metadata (after its keys are gone). */
  Future<Void> forget(String id);

  /** Points every gateway at a complete snapshot with one atomic write. */
  Future<Void> activate(String id);
}
