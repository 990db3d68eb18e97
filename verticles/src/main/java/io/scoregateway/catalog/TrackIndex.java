package io.scoregateway.catalog;

import io.scoregateway.model.Campaign;
import io.scoregateway.store.Fingerprint;
import java.util.List;
import java.util.Map;

/**
 * Track id to campaign, read once per candidate: an open-addressing table that keeps a seeded
 * 64-bit {@link Fingerprint} of each key in its own long array and compares those, never the key
 * strings. Most candidates are not enrolled, and a miss is usually settled in one cache line of
 * that array; a hit reads the campaign beside it and nothing else. Comparing the strings cost two
 * more dependent cache misses per hit (the key and its bytes), the largest share of the
 * per-candidate profile at batch 1000. Two distinct ids share a fingerprint with probability about
 * 2<sup>-64</sup>, and the seed is secret, so such ids cannot be chosen. Immutable once built.
 */
final class TrackIndex {
  private final long[] fingerprints;
  private final Campaign[] campaigns;
  private final int mask;

  TrackIndex(Map<String, Campaign> byTrack) {
    int capacity = Integer.highestOneBit(Math.max(4, byTrack.size() * 2 - 1)) << 1;
    fingerprints = new long[capacity];
    campaigns = new Campaign[capacity];
    mask = capacity - 1;
    for (Map.Entry<String, Campaign> e : byTrack.entrySet()) {
      long f = fingerprint(e.getKey());
      int i = (int) f & mask;
      while (fingerprints[i] != 0) {
        if (fingerprints[i] == f) {
          throw new IllegalStateException("track ids share a fingerprint: " + e.getKey());
        }
        i = (i + 1) & mask;
      }
      fingerprints[i] = f;
      campaigns[i] = e.getValue();
    }
  }

  Campaign get(String track) {
    long f = fingerprint(track);
    int at = (int) f & mask;
    return find(f, at, fingerprints[at]);
  }

  /**
   * The campaign of fingerprint {@code f}, probing from slot {@code at} whose fingerprint {@code
   * first} has been read already. 0 marks an empty slot, so a miss reads the fingerprint array
   * alone, not the campaigns.
   */
  private Campaign find(long f, int at, long first) {
    for (long probe = first; probe != 0; probe = fingerprints[at]) {
      if (probe == f) {
        return campaigns[at];
      }
      at = (at + 1) & mask;
    }
    return null;
  }

  /**
   * {@link #get} of every track into {@code out}, in passes: the fingerprints, then the first slot
   * of each (reads independent of one another, so their cache misses overlap instead of being
   * waited for one candidate at a time), then the probes that go on from there.
   */
  void getAll(List<String> tracks, Campaign[] out) {
    int n = tracks.size();
    long[] f = new long[n];
    if (tracks instanceof Fingerprint.Known known) {
      // worked out as the request was read: no string is needed to look a track up
      for (int i = 0; i < n; i++) {
        f[i] = slotKey(known.fingerprint(i));
      }
    } else {
      for (int i = 0; i < n; i++) {
        f[i] = fingerprint(tracks.get(i));
      }
    }
    long[] first = new long[n];
    for (int i = 0; i < n; i++) {
      first[i] = fingerprints[(int) f[i] & mask];
    }
    for (int i = 0; i < n; i++) {
      if (first[i] != 0) { // else the usual miss: an empty slot
        out[i] = find(f[i], (int) f[i] & mask, first[i]);
      }
    }
  }

  private static long fingerprint(String track) {
    return slotKey(Fingerprint.ofId(track));
  }

  /** A fingerprint as a slot holds it: never 0, the empty mark. */
  private static long slotKey(long f) {
    return f == 0 ? 1 : f;
  }
}
