package io.scoregateway.store;

import io.vertx.core.Future;
import java.util.List;

/** Reads precomputed scores of an immutable snapshot. */
public interface ScoreStore {
  /** The entries of the given tracks, in order; null where the snapshot has no row for a track. */
  Future<ScoreEntry[]> scores(String snapshot, List<String> tracks);
}
