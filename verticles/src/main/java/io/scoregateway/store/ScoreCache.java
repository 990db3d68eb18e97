package io.scoregateway.store;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Snapshot entries kept in memory, shared by every event loop. Snapshots are immutable once
 * activated, so an entry never needs invalidating: keys carry the snapshot id, and entries of a
 * snapshot no longer asked for are simply replaced in time. "No row" is cached too.
 *
 * <p>A two-way set-associative table of {@code maxEntries} slots (allocated up front: 4 to 8 bytes
 * each, besides the entries): a key may sit in either slot of the pair its hash picks, and a new
 * key takes an empty slot of the pair or replaces one of the two (which one, by a bit of its hash).
 * A lookup is two array reads and a comparison, with no lock, no allocation and no bookkeeping on a
 * hit: on a random-access workload over hundreds of thousands of entries, keeping access order or
 * frequency sketches (what an LRU or TinyLFU cache does on every read) costs several cache misses
 * per lookup, more than the lookup itself. Each slot holds an immutable {@link Slot}, published by
 * a volatile write, so a reader sees a whole slot or none.
 *
 * <p>A key is compared by its {@link Fingerprint}, a 64-bit hash of (snapshot, track) under a seed
 * drawn when the process starts, never by its strings: comparing ids would read the stored key's
 * string and its bytes, two more cache misses per lookup. Two keys of one pair share a fingerprint
 * with probability 2<sup>-64</sup>; the seed keeps anyone from making them collide.
 */
public final class ScoreCache {
  /** Stands for "this snapshot has no row for this track". */
  static final ScoreEntry ABSENT = ScoreEntry.absent();

  private final AtomicReferenceArray<Slot> slots;
  private final int pairs;
  private final AtomicLong filled = new AtomicLong();

  /** One tally per event loop: counting without contended adds, summed when scraped. */
  private final List<Tally> tallies = new CopyOnWriteArrayList<>();

  public ScoreCache(long maxEntries, MeterRegistry registry) {
    if (maxEntries < 1 || maxEntries > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException("score cache entries must be 1 to 2^31 - 9");
    }
    // slots come in pairs: an odd bound gets one slot more
    this.pairs = (int) ((maxEntries + 1) / 2);
    this.slots = new AtomicReferenceArray<>(2 * pairs);
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
    Gauge.builder("gateway.score.cache.entries", filled, AtomicLong::get)
        .description("Snapshot entries held in memory (at most --score-cache-entries)")
        .register(registry);
  }

  /** One cached entry: its key's fingerprint and its value, never changed once made. */
  private record Slot(long key, ScoreEntry entry) {}

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

  /**
   * The cached entries of {@code keys} ({@link Fingerprint#of} of the snapshot and each track) into
   * {@code out}: {@link #ABSENT} for a known gap, null where not cached; returns how many were not.
   * In passes, each a short loop over all the keys: the first slot of every pair, then the keys
   * those slots hold, then the second slots where needed. Every read of a pass is independent of
   * the others, so the processor has many cache misses in flight at once; one key after another,
   * each lookup's two dependent misses (the slot, then what it holds) are waited for in turn.
   */
  int getAll(long[] keys, ScoreEntry[] out) {
    int n = keys.length;
    Slot[] first = new Slot[n];
    for (int i = 0; i < n; i++) {
      first[i] = slots.get(pairOf(keys[i]));
    }
    int missing = 0;
    for (int i = 0; i < n; i++) {
      Slot s = first[i];
      if (s != null && s.key() == keys[i]) {
        out[i] = s.entry();
      } else {
        first[i] = null; // look in the pair's other slot
        missing++;
      }
    }
    if (missing == 0) {
      return 0;
    }
    for (int i = 0; i < n; i++) {
      if (out[i] == null) {
        Slot s = slots.get(pairOf(keys[i]) + 1);
        if (s != null && s.key() == keys[i]) {
          out[i] = s.entry();
          missing--;
        }
      }
    }
    return missing;
  }

  void put(long key, ScoreEntry entry) {
    int at = pairOf(key);
    Slot slot = new Slot(key, entry == null ? ABSENT : entry);
    for (int i = at; i <= at + 1; i++) {
      Slot s = slots.get(i);
      if (s == null || s.key() == key) {
        slots.set(i, slot);
        if (s == null) {
          filled.incrementAndGet();
        }
        return;
      }
    }
    // both taken by other keys: replace one, picked by a hash bit not used to pick the pair
    slots.set(at + (int) ((key >>> 7) & 1), slot);
  }

  /** The first slot of the key's pair: its high bits mapped onto the pairs by multiply-shift. */
  private int pairOf(long key) {
    return 2 * (int) (((key >>> 32) * pairs) >>> 32);
  }

  /** Entries held now. */
  public long size() {
    return filled.get();
  }
}
