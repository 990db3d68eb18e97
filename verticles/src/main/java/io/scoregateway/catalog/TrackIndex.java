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

  /** Key and value side by side ({@code 2i}, {@code 2i + 1}): a hit reads one line, not two. */
  private final Object[] entries;

  private final int mask;

  TrackIndex(Map<String, Campaign> byTrack) {
    int capacity = Integer.highestOneBit(Math.max(4, byTrack.size() * 2 - 1)) << 1;
    hashes = new int[capacity];
    entries = new Object[2 * capacity];
    mask = capacity - 1;
    for (Map.Entry<String, Campaign> e : byTrack.entrySet()) {
      int h = spread(e.getKey().hashCode());
      int i = h & mask;
      while (hashes[i] != 0) {
        i = (i + 1) & mask;
      }
      hashes[i] = h;
      entries[2 * i] = e.getKey();
      entries[2 * i + 1] = e.getValue();
    }
  }

  Campaign get(String track) {
    int h = spread(track.hashCode());
    int i = h & mask;
    // 0 marks an empty slot, so a miss reads the hash array alone (one cache line), not the keys
    for (int probe = hashes[i]; probe != 0; probe = hashes[i]) {
      if (probe == h && track.equals(entries[2 * i])) {
        return (Campaign) entries[2 * i + 1];
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
