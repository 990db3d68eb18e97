package io.scoregateway.catalog;

import io.scoregateway.model.Campaign;
import java.util.Map;

/**
 * Track id to campaign, read once per candidate: an open-addressing table that keeps the keys' hash
 * codes in their own int array. Most candidates are not enrolled, and a miss is usually settled by
 * comparing ints in one cache line, without touching any key string; a general hash map chases a
 * pointer to a node and a key per probe, which dominated the request profile. Immutable once built.
 */
final class TrackIndex {
  private final int[] hashes;
  private final String[] keys;
  private final Campaign[] values;
  private final int mask;

  TrackIndex(Map<String, Campaign> entries) {
    int capacity = Integer.highestOneBit(Math.max(4, entries.size() * 2 - 1)) << 1;
    hashes = new int[capacity];
    keys = new String[capacity];
    values = new Campaign[capacity];
    mask = capacity - 1;
    for (Map.Entry<String, Campaign> e : entries.entrySet()) {
      int h = spread(e.getKey().hashCode());
      int i = h & mask;
      while (hashes[i] != 0) {
        i = (i + 1) & mask;
      }
      hashes[i] = h;
      keys[i] = e.getKey();
      values[i] = e.getValue();
    }
  }

  Campaign get(String track) {
    int h = spread(track.hashCode());
    int i = h & mask;
    // 0 marks an empty slot, so a miss reads the hash array alone (one cache line), not the keys
    for (int probe = hashes[i]; probe != 0; probe = hashes[i]) {
      if (probe == h && keys[i].equals(track)) {
        return values[i];
      }
      i = (i + 1) & mask;
    }
    return null;
  }

  // Fibonacci hashing: sequential-looking ids (t0, t4, t8 ...) land far apart; never 0, the
  // empty mark
  private static int spread(int h) {
    int s = (h * 0x9E3779B9) ^ (h >>> 16);
    return s == 0 ? 1 : s;
  }
}
