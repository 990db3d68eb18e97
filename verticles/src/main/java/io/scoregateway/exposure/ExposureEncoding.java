package io.scoregateway.exposure;

import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How an answered exchange's exposure records become bytes: JSON lines ({@link
 * JsonExposureEncoder}) or one protobuf message ({@link ProtobufExposureEncoder}), one message of
 * the batch per exchange either way. Runs on the writer's thread, never an event loop.
 */
interface ExposureEncoding {
  /** Bumped whenever a field changes meaning or goes away; new fields alone do not bump it. */
  int SCHEMA_VERSION = 1;

  /** Appends the exchange's records to {@code out}, as one message (none without records). */
  void encode(Exposure e, ExposureBatch out);

  /** A request id for a caller that sent none: 128 random bits in hex. */
  static String generatedId() {
    ThreadLocalRandom r = ThreadLocalRandom.current();
    HexFormat hex = HexFormat.of();
    return hex.toHexDigits(r.nextLong()) + hex.toHexDigits(r.nextLong());
  }
}
