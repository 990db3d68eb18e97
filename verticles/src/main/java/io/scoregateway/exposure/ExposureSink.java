package io.scoregateway.exposure;

import io.vertx.core.Future;
import java.util.List;

/** Where encoded exposure records go. Called on the exposure writer's worker thread only. */
interface ExposureSink {
  /** Writes the chunks' records; completes with how many were written (the rest are lost). */
  Future<Written> write(List<ExposureChunk> chunks);

  /** The partitions chunks are made for: the topic's (learned when it can be), else 1. */
  default int partitions() {
    return 1;
  }

  /** Flushes what it holds and releases it, within about {@code timeoutMs}. */
  Future<Void> close(long timeoutMs);

  /**
   * How a write went: {@code count} records written; {@code failure} says why the rest were not.
   */
  record Written(int count, String failure) {}
}
