package io.scoregateway.store;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Snapshot entries kept in memory. Snapshots are immutable once activated, so an entry never needs
 * invalidating: keys carry the snapshot id, and entries of a snapshot no longer asked for simply
 * age out. Bounded by entry count; "no row" is cached too. Shared by every event loop.
 */
public final class ScoreCache {
  /** Stands for "this snapshot has no row for this track". */
  static final ScoreEntry ABSENT = ScoreEntry.absent();

  private final Cache<Key, ScoreEntry> entries;
  private final long maxEntries;

  /** One tally per event loop: counting without contended adds, summed when scraped. */
  private final List<Tally> tallies = new CopyOnWriteArrayList<>();

  public ScoreCache(long maxEntries, MeterRegistry registry) {
    this.maxEntries = maxEntries;
    this.entries = Caffeine.newBuilder().maximumSize(maxEntries).executor(Runnable::run).build();
    String help = "Snapshot score lookups answered from memory (hit) or from Redis (miss)";
    FunctionCounter.builder(
            "gateway.score.cache.requests", tallies, t -> t.stream().mapToLong(x -> x.hits).sum())
        .tag("result", "hit")
        .description(help)
        .register(registry);
    FunctionCounter.builder(
            "gateway.score.cache.requests", tallies, t -> t.stream().mapToLong(x -> x.misses).sum())
        .tag("result", "miss")
        .description(help)
        .register(registry);
  }

  /** Hit and miss counts written by one event loop only. */
  static final class Tally {
    volatile long hits;
    volatile long misses;

    // single writer (the event loop owning the tally): a plain read-modify-write of a volatile is
    // safe and needs no atomic add; readers on other threads only ever see whole values
    @SuppressWarnings("NonAtomicVolatileUpdate")
    void add(int hitCount, int missCount) {
      hits += hitCount;
      misses += missCount;
    }
  }

  /** A tally for one event loop's store. */
  Tally tally() {
    Tally t = new Tally();
    tallies.add(t);
    return t;
  }

  /** The cached entry ({@link #ABSENT} for a known gap), or null when not cached. */
  ScoreEntry get(String snapshot, String track) {
    return entries.getIfPresent(new Key(snapshot, track));
  }

  /** The bound it was made with. */
  long maxEntries() {
    return maxEntries;
  }

  void put(String snapshot, String track, ScoreEntry entry) {
    entries.put(new Key(snapshot, track), entry == null ? ABSENT : entry);
  }

  /**
   * One track's entry in one snapshot. Hashed from the ids' own cached hash codes: a lookup builds
   * no key string and hashes no bytes.
   */
  private record Key(String snapshot, String track) {
    @Override
    public boolean equals(Object o) {
      return o instanceof Key k && track.equals(k.track) && snapshot.equals(k.snapshot);
    }

    @Override
    public int hashCode() {
      return 31 * snapshot.hashCode() + track.hashCode();
    }
  }

  public long size() {
    return entries.estimatedSize();
  }
}
