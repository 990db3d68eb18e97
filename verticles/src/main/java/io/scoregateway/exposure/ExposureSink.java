package io.scoregateway.exposure;

import io.vertx.core.Future;
import java.util.List;

/** Where encoded exposure records go. Called on the exposure writer's worker thread only. */
interface ExposureSink {
  /** Writes the lines; completes with how many were written (the rest are lost), never fails. */
  Future<Written> write(List<ExposureLine> lines);

  /** Flushes what it holds and releases it, within about {@code timeoutMs}. */
  Future<Void> close(long timeoutMs);

  /** How a write went: {@code count} lines written; {@code failure} says why the rest were not. */
  record Written(int count, String failure) {}
}
