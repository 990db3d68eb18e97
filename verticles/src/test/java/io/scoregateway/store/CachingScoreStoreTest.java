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

  /** Far more tracks than front slots: collisions replace front entries, answers stay right. */
  @Test
  void collidingTracksStayCorrect() {
    InMemoryScoreStore redis = new InMemoryScoreStore();
    int n = 3 * CachingScoreStore.FRONT_SLOTS;
    for (int i = 0; i < n; i++) {
      redis.put("v1", "t" + i, "default=" + (i / (double) n) + ";");
    }
    CachingScoreStore store =
        new CachingScoreStore(redis, new ScoreCache(1_000_000, new SimpleMeterRegistry()));
    for (int round = 0; round < 2; round++) {
      for (int i = 0; i < n; i += 7) {
        assertThat(ask(store, "v1", "t" + i)[0].scoreFor("x")).isEqualTo(i / (double) n);
      }
    }
    // the second round came from memory (the shared cache holds them all)
    assertThat(redis.calls()).hasSize((n + 6) / 7);
  }
}
