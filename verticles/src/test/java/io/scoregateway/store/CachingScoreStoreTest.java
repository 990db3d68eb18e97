package io.scoregateway.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CachingScoreStoreTest {
  private static ScoreEntry[] ask(CachingScoreStore store, String snapshot, String... tracks) {
    // fresh strings, as a parsed request brings them
    List<String> ids = new ArrayList<>();
    for (String t : tracks) {
      ids.add(new String(t.toCharArray()));
    }
    return store.scores(new String(snapshot.toCharArray()), ids).result();
  }

  @Test
  void repeatsAndGapsAreAnsweredFromMemory() {
    InMemoryScoreStore redis = new InMemoryScoreStore().put("v1", "t1", "default=0.25;");
    CachingScoreStore store =
        new CachingScoreStore(redis, new ScoreCache(100_000, new SimpleMeterRegistry()));
    ScoreEntry[] first = ask(store, "v1", "t1", "t2");
    ScoreEntry[] again = ask(store, "v1", "t2", "t1", "t1");
    assertThat(first[0].scoreFor("s1")).isEqualTo(0.25);
    assertThat(first[1]).isNull();
    assertThat(again[0]).isNull();
    assertThat(again[1]).isSameAs(first[0]);
    assertThat(again[2]).isSameAs(first[0]);
    assertThat(redis.calls()).containsExactly(List.of("t1", "t2"));
  }

  @Test
  void anotherSnapshotIsNeverServedTheFirstOnesEntry() {
    InMemoryScoreStore redis =
        new InMemoryScoreStore().put("v1", "t1", "default=0.1;").put("v2", "t1", "default=0.9;");
    CachingScoreStore store =
        new CachingScoreStore(redis, new ScoreCache(100_000, new SimpleMeterRegistry()));
    assertThat(ask(store, "v1", "t1")[0].scoreFor("x")).isEqualTo(0.1);
    assertThat(ask(store, "v2", "t1")[0].scoreFor("x")).isEqualTo(0.9);
    assertThat(ask(store, "v1", "t1")[0].scoreFor("x")).isEqualTo(0.1);
    assertThat(redis.calls()).containsExactly(List.of("t1"), List.of("t1"));
  }

  /** Far more tracks than the cache holds: replaced entries are fetched again, never mixed up. */
  @Test
  void aFullCacheStaysCorrect() {
    InMemoryScoreStore redis = new InMemoryScoreStore();
    int n = 30_000;
    for (int i = 0; i < n; i++) {
      redis.put("v1", "t" + i, "default=" + (i / (double) n) + ";");
    }
    ScoreCache small = new ScoreCache(1_000, new SimpleMeterRegistry());
    CachingScoreStore store = new CachingScoreStore(redis, small);
    for (int round = 0; round < 2; round++) {
      for (int i = 0; i < n; i++) {
        assertThat(ask(store, "v1", "t" + i)[0].scoreFor("x")).isEqualTo(i / (double) n);
      }
    }
    assertThat(small.size()).isEqualTo(1_000);
    // many of the last thousand asked are still there (a key survives the later keys of its pair
    // that replace it, each with odds 1/2: about 640 misses of 1,000 expected, none kept would be
    // 1,000); the first ones were replaced long ago
    int before = redis.calls().size();
    for (int i = n - 1_000; i < n; i++) {
      ask(store, "v1", "t" + i);
    }
    assertThat(redis.calls().size() - before).isLessThan(750);
    ask(store, "v1", "t0", "t1", "t2");
    assertThat(redis.calls().get(redis.calls().size() - 1)).isNotEmpty();
  }

  /** Batches over a full cache: hits in either slot of a pair, misses, repeats, all in one ask. */
  @Test
  void batchesOverAFullCacheGetEveryEntryRight() {
    InMemoryScoreStore redis = new InMemoryScoreStore();
    int n = 5_000;
    for (int i = 0; i < n; i += 2) { // odd tracks have no row
      redis.put("v1", "t" + i, "default=" + (i / (double) n) + ";");
    }
    ScoreCache small = new ScoreCache(2_000, new SimpleMeterRegistry());
    CachingScoreStore store = new CachingScoreStore(redis, small);
    java.util.Random r = new java.util.Random(3);
    for (int round = 0; round < 300; round++) {
      String[] asked = new String[1 + r.nextInt(400)];
      for (int j = 0; j < asked.length; j++) {
        asked[j] = "t" + r.nextInt(n);
      }
      ScoreEntry[] got = ask(store, "v1", asked);
      for (int j = 0; j < asked.length; j++) {
        int i = Integer.parseInt(asked[j].substring(1));
        if (i % 2 == 0) {
          assertThat(got[j].scoreFor("x")).as(asked[j]).isEqualTo(i / (double) n);
        } else {
          assertThat(got[j]).as(asked[j]).isNull();
        }
      }
    }
    // once warm, a batch of what was just asked is answered from memory alone
    int before = redis.calls().size();
    ask(store, "v1", "t10", "t11", "t10");
    ask(store, "v1", "t10", "t11", "t10");
    assertThat(redis.calls().size() - before).isLessThanOrEqualTo(1);
  }
}
