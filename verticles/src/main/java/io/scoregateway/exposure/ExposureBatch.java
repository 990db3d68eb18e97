package io.scoregateway.exposure;

import io.scoregateway.codec.JsonBytes;
import java.util.Arrays;

/**
 * The encoded records of one drained batch: their JSON lines back to back in one array (each ended
 * by a newline, as the file sink writes them), with each record's listener key. Reused from batch
 * to batch by the writer, so encoding allocates nothing per record.
 */
final class ExposureBatch {
  final JsonBytes lines = new JsonBytes(64 * 1024);
  private int[] ends = new int[256];
  private String[] keys = new String[256];
  private int count;

  void clear() {
    lines.clear();
    count = 0;
  }

  /** Ends the record written since the last one: its newline goes in, its key is kept. */
  void endRecord(String key) {
    if (count == ends.length) {
      ends = Arrays.copyOf(ends, count * 2);
      keys = Arrays.copyOf(keys, count * 2);
    }
    ends[count] = lines.length();
    keys[count++] = key;
    lines.ch('\n');
  }

  int count() {
    return count;
  }

  String key(int i) {
    return keys[i];
  }

  /** Record {@code i}'s JSON, without its newline, as its own array (for a per-record sink). */
  byte[] record(int i) {
    int from = i == 0 ? 0 : ends[i - 1] + 1;
    return Arrays.copyOfRange(lines.array(), from, ends[i]);
  }
}
