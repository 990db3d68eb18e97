package io.scoregateway.store;

import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;

/** Answers what it can from the {@link ScoreCache} and fetches only the rest, in one MGET. */
public final class CachingScoreStore implements ScoreStore {
  private final ScoreStore delegate;
  private final ScoreCache cache;
  private final ScoreCache.Tally tally;

  /** One per event loop: its hit/miss tally is written by that loop only. */
  public CachingScoreStore(ScoreStore delegate, ScoreCache cache) {
    this.delegate = delegate;
    this.cache = cache;
    this.tally = cache.tally();
  }

  @Override
  public Future<ScoreEntry[]> scores(String snapshot, List<String> tracks) {
    int n = tracks.size();
    ScoreEntry[] out = new ScoreEntry[n];
    long[] keys = new long[n];
    long of = Fingerprint.ofSnapshot(snapshot);
    for (int i = 0; i < n; i++) {
      keys[i] = Fingerprint.of(of, tracks.get(i));
    }
    int misses = cache.getAll(keys, out);
    tally.add(n - misses, misses);
    List<String> fetch = new ArrayList<>(misses);
    int[] at = new int[misses];
    for (int i = 0; i < n; i++) {
      if (out[i] == null) {
        at[fetch.size()] = i;
        fetch.add(tracks.get(i));
      } else if (out[i] == ScoreCache.ABSENT) {
        out[i] = null; // a cached "no row" answers as no entry
      }
    }
    if (misses == 0) {
      return Future.succeededFuture(out);
    }
    return delegate
        .scores(snapshot, fetch)
        .map(
            fetched -> {
              for (int j = 0; j < fetched.length; j++) {
                cache.put(keys[at[j]], fetched[j]);
                out[at[j]] = fetched[j];
              }
              return out;
            });
  }
}
