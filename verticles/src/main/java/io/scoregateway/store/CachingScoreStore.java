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
    ScoreEntry[] out = new ScoreEntry[tracks.size()];
    long[] keys = new long[out.length];
    long of = Fingerprint.ofSnapshot(snapshot);
    List<String> missing = null;
    List<Integer> missingAt = null;
    for (int i = 0; i < out.length; i++) {
      keys[i] = Fingerprint.of(of, tracks.get(i));
      ScoreEntry e = cache.get(keys[i]);
      if (e == null) {
        if (missing == null) {
          missing = new ArrayList<>();
          missingAt = new ArrayList<>();
        }
        missing.add(tracks.get(i));
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
                cache.put(keys[at.get(j)], fetched[j]);
                out[at.get(j)] = fetched[j];
              }
              return out;
            });
  }
}
