package io.scoregateway.exposure;

import io.vertx.core.Future;

/** Where encoded exposure records go. Called on the exposure writer's worker thread only. */
interface ExposureSink {
  /**
   * Writes the batch's records; completes with how many were written (the rest are lost), never
   * fails. The batch is reused once this returns: a sink takes what it keeps during the call.
   */
  Future<Written> write(ExposureBatch batch);

  /** Flushes what it holds and releases it, within about {@code timeoutMs}. */
  Future<Void> close(long timeoutMs);

  /**
   * How a write went: {@code count} records written; {@code failure} says why the rest were not.
   */
  record Written(int count, String failure) {}
}
