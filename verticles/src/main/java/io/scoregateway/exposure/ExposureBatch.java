package io.scoregateway.exposure;

import io.scoregateway.codec.JsonBytes;
import java.util.Arrays;

/**
 * The encoded records of one drained batch back to back in one array (JSON lines, each ended by a
 * newline, as the file sink writes them; or protobuf messages), grouped by the answered request
 * they came from (one Kafka message each) with that request's listener key. Reused from batch to
 * batch by the writer, so encoding allocates nothing per record.
 */
final class ExposureBatch {
  final JsonBytes lines = new JsonBytes(64 * 1024);
  private int[] ends = new int[64];
  private int[] recordsOf = new int[64];
  private String[] keys = new String[64];
  private int messages;
  private int records;
  private int recordsBefore;

  void clear() {
    lines.clear();
    messages = 0;
    records = 0;
    recordsBefore = 0;
  }

  /** Counts the record just written into {@link #lines} (a JSON line ends with its newline). */
  void endRecord() {
    records++;
  }

  /** Ends the request's records written since the last message (none: no message), with its key. */
  void endMessage(String key) {
    if (records == recordsBefore) {
      return;
    }
    if (messages == ends.length) {
      ends = Arrays.copyOf(ends, messages * 2);
      recordsOf = Arrays.copyOf(recordsOf, messages * 2);
      keys = Arrays.copyOf(keys, messages * 2);
    }
    ends[messages] = lines.length();
    recordsOf[messages] = records - recordsBefore;
    keys[messages++] = key;
    recordsBefore = records;
  }

  /** Records in the batch. */
  int count() {
    return records;
  }

  /** Messages in the batch: one per answered request with records. */
  int messages() {
    return messages;
  }

  String key(int m) {
    return keys[m];
  }

  /** Records in message {@code m}. */
  int records(int m) {
    return recordsOf[m];
  }

  /** Message {@code m}'s bytes as its own array. */
  byte[] message(int m) {
    return Arrays.copyOfRange(lines.array(), m == 0 ? 0 : ends[m - 1], ends[m]);
  }
}
