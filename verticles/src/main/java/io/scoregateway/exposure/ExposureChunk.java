package io.scoregateway.exposure;

/**
 * The encoded records of the requests one event loop answered over up to one tick, bound for one
 * partition: a whole protobuf {@code ExposureBatch} or whole JSON lines, written once by its {@link
 * ExposureRecorder} and only read after.
 */
final class ExposureChunk {
  private final int partition;
  private final byte[] bytes;
  private final int records;
  private final int requests;

  /**
   * @param partition the Kafka partition every listener key of the chunk falls in (0 for a file)
   * @param bytes exactly the chunk's bytes, not written to after
   * @param records exposure records in it
   * @param requests answered requests in it
   */
  ExposureChunk(int partition, byte[] bytes, int records, int requests) {
    this.partition = partition;
    this.bytes = bytes;
    this.records = records;
    this.requests = requests;
  }

  int partition() {
    return partition;
  }

  /** The chunk's bytes: the array itself, read only. */
  byte[] bytes() {
    return bytes;
  }

  int records() {
    return records;
  }

  int requests() {
    return requests;
  }
}
