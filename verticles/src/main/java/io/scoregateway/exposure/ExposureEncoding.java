package io.scoregateway.exposure;

import io.scoregateway.pipeline.ScoreExchange;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How answered exchanges' exposure records become the bytes of one chunk: JSON lines ({@link
 * JsonExposureEncoder}) or one protobuf {@code ExposureBatch} ({@link ProtobufExposureEncoder}). An
 * encoder owns the bytes of the chunk it is filling; one per partition of one event loop's {@link
 * ExposureRecorder}, used on that loop only.
 */
interface ExposureEncoding {
  /** Bumped whenever a field changes meaning or goes away; new fields alone do not bump it. */
  int SCHEMA_VERSION = 1;

  /**
   * Appends the records of {@code ex}, which has at least one enrolled decision.
   *
   * @param traceId the request's trace id, or null when it is not traced
   * @param atMs when it was answered
   * @param listener its listener key ({@link ListenerKeys})
   */
  void append(ScoreExchange ex, String traceId, long atMs, String listener);

  /** Bytes appended since the last {@link #take}. */
  int size();

  /** A copy of the bytes appended since the last call; starts the next chunk empty. */
  byte[] take();

  /** A request id for a caller that sent none: 128 random bits in hex. */
  static String generatedId() {
    ThreadLocalRandom r = ThreadLocalRandom.current();
    HexFormat hex = HexFormat.of();
    return hex.toHexDigits(r.nextLong()) + hex.toHexDigits(r.nextLong());
  }
}
