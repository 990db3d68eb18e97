package io.scoregateway.store;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Snapshot entries kept in memory. Snapshots are immutable once activated, so an entry never needs
 * invalidating: keys carry the snapshot id, and entries of a snapshot no longer asked for simply
 * age out. Bounded by entry count; "no row" is cached too. Shared by every event loop.
 */
public final class ScoreCache {
  /** Stands for "this snapshot has no row for this track". */
  static final ScoreEntry ABSENT = ScoreEntry.absent();

  private final Cache<String, ScoreEntry> entries;
  private final Counter hits;
  private final Counter misses;

  public ScoreCache(long maxEntries, MeterRegistry registry) {
    this.entries = Caffeine.newBuilder().maximumSize(maxEntries).executor(Runnable::run).build();
    this.hits = Counter.builder("gateway.score.cache.requests").tag("result", "hit")
        .description("Snapshot score lookups answered from memory (hit) or from Redis (miss)").register(registry);
    this.misses = Counter.builder("gateway.score.cache.requests").tag("result", "miss")
        .description("Snapshot score lookups answered from memory (hit) or from Redis (miss)").register(registry);
  }

  /** The cached entry ({@link #ABSENT} for a known gap), or null when not cached. */
  ScoreEntry get(String key) {
    return entries.getIfPresent(key);
  }

  void put(String key, ScoreEntry entry) {
    entries.put(key, entry == null ? ABSENT : entry);
  }

  void record(int hitCount, int missCount) {
    if (hitCount > 0) {
      hits.increment(hitCount);
    }
    if (missCount > 0) {
      misses.increment(missCount);
    }
  }

  public long size() {
    return entries.estimatedSize();
  }
}
