package io.scoregateway.store;

import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;

/**
 * Answers what it can from memory and fetches only the rest, in one MGET.
 *
 * <p>Two levels: in front, a small direct-mapped table of this event loop's own (one slot per hash,
 * a colliding entry replaces the one there; read and written by this loop only, so a hit costs an
 * array read and an id comparison, no lock, no allocation); behind it the {@link ScoreCache} all
 * loops share. Entries never need invalidating (snapshots are immutable and keys carry the snapshot
 * id), so the front table may keep one the shared cache has evicted; its size is fixed, so memory
 * stays bounded by the shared cache's entries plus {@link #FRONT_SLOTS} per loop.
 */
public final class CachingScoreStore implements ScoreStore {
  /** Slots of the front table at most (a power of two); smaller when the shared cache is small. */
  static final int FRONT_SLOTS = 16_384;

  private final ScoreStore delegate;
  private final ScoreCache cache;
  private final ScoreCache.Tally tally;
  private final String[] frontSnapshots;
  private final String[] frontTracks;
  private final ScoreEntry[] frontEntries;
  private final int frontMask;

  /** One per event loop: its front table and its hit/miss tally belong to that loop only. */
  public CachingScoreStore(ScoreStore delegate, ScoreCache cache) {
    this.delegate = delegate;
    this.cache = cache;
    this.tally = cache.tally();
    // at most a quarter of the shared cache, so a small cache (a test's) still evicts
    long quarter = Math.max(1, cache.maxEntries() / 4);
    int slots = (int) Math.min(FRONT_SLOTS, Long.highestOneBit(quarter));
    this.frontSnapshots = new String[slots];
    this.frontTracks = new String[slots];
    this.frontEntries = new ScoreEntry[slots];
    this.frontMask = slots - 1;
  }

  @Override
  public Future<ScoreEntry[]> scores(String snapshot, List<String> tracks) {
    ScoreEntry[] out = new ScoreEntry[tracks.size()];
    List<String> missing = null;
    List<Integer> missingAt = null;
    int snapshotHash = snapshot.hashCode();
    for (int i = 0; i < out.length; i++) {
      String track = tracks.get(i);
      int slot = slot(snapshotHash, track);
      ScoreEntry e = front(slot, snapshot, track);
      if (e == null) {
        e = cache.get(snapshot, track);
        if (e != null) {
          remember(slot, snapshot, track, e);
        }
      }
      if (e == null) {
        if (missing == null) {
          missing = new ArrayList<>();
          missingAt = new ArrayList<>();
        }
        missing.add(track);
        missingAt.add(i);
      } else {
        out[i] = e == ScoreCache.ABSENT ? null : e;
      }
    }
    int misses = missing == null ? 0 : missing.size();
    tally.add(out.length - misses, misses);
    if (missing == null) {
      return Future.succeededFuture(out);
    }
    List<String> fetch = missing;
    List<Integer> at = missingAt;
    return delegate
        .scores(snapshot, fetch)
        .map(
            fetched -> {
              for (int j = 0; j < fetched.length; j++) {
                String track = fetch.get(j);
                ScoreEntry e = fetched[j] == null ? ScoreCache.ABSENT : fetched[j];
                cache.put(snapshot, track, e);
                remember(slot(snapshotHash, track), snapshot, track, e);
                out[at.get(j)] = fetched[j];
              }
              return out;
            });
  }

  private int slot(int snapshotHash, String track) {
    int h = 31 * snapshotHash + track.hashCode();
    return (h ^ (h >>> 15)) & frontMask;
  }

  /** The front table's entry for the pair, or null when the slot holds another (or nothing). */
  private ScoreEntry front(int slot, String snapshot, String track) {
    String t = frontTracks[slot];
    if (t == null || !t.equals(track)) {
      return null;
    }
    // String.equals answers an identical id (the usual case: the catalog's own) at once
    return frontSnapshots[slot].equals(snapshot) ? frontEntries[slot] : null;
  }

  private void remember(int slot, String snapshot, String track, ScoreEntry e) {
    frontSnapshots[slot] = snapshot;
    frontTracks[slot] = track;
    frontEntries[slot] = e;
  }
}
