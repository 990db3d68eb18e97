package io.scoregateway.allocate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SlotAllocatorTest {
  static boolean[] all(int n) {
    boolean[] b = new boolean[n];
    java.util.Arrays.fill(b, true);
    return b;
  }

  @Test
  void theHighestScoresKeepTheirSlots() {
    List<String> tracks = List.of("a", "b", "c", "d", "e");
    double[] scores = {0.1, 0.9, 0.5, 0.7, 0.3};
    assertThat(SlotAllocator.losers(tracks, all(5), scores, 2))
        .containsExactly(true, false, true, false, true);
    assertThat(SlotAllocator.losers(tracks, all(5), scores, 4))
        .containsExactly(true, false, false, false, false);
  }

  @Test
  void tiesGoToTheEarlierPosition() {
    List<String> tracks = List.of("a", "b", "c", "d");
    double[] scores = {0.2, 0.5, 0.5, 0.5};
    assertThat(SlotAllocator.losers(tracks, all(4), scores, 2))
        .containsExactly(true, false, false, true);
  }

  @Test
  void onlyPromotedPositionsContendAndNeverLose() {
    List<String> tracks = List.of("a", "b", "c", "d");
    boolean[] promoted = {false, true, true, false};
    double[] scores = {0.9, 0.1, 0.2, 0.8};
    assertThat(SlotAllocator.losers(tracks, promoted, scores, 1))
        .containsExactly(false, true, false, false);
  }

  @Test
  void aDuplicateTakesOneSlotAndSharesTheAnswer() {
    List<String> tracks = List.of("a", "b", "a", "c", "a");
    double[] scores = {0.9, 0.5, 0.9, 0.4, 0.9};
    // "a" counts once: b also fits in 2 slots; c loses
    assertThat(SlotAllocator.losers(tracks, all(5), scores, 2))
        .containsExactly(false, false, false, true, false);
    double[] low = {0.1, 0.5, 0.1, 0.4, 0.1};
    assertThat(SlotAllocator.losers(tracks, all(5), low, 2))
        .containsExactly(true, false, true, false, true);
  }

  @Test
  void enoughSlotsMeansNobodyLoses() {
    List<String> tracks = List.of("a", "b", "a");
    double[] scores = {0.1, 0.2, 0.1};
    assertThat(SlotAllocator.losers(tracks, all(3), scores, 2))
        .containsExactly(false, false, false);
    assertThat(SlotAllocator.losers(tracks, all(3), scores, 5))
        .containsExactly(false, false, false);
  }

  @Test
  void zeroSlotsMeansEveryPromotedPositionLoses() {
    List<String> tracks = List.of("a", "b", "c");
    boolean[] promoted = {true, false, true};
    assertThat(SlotAllocator.losers(tracks, promoted, new double[] {0.5, 0.5, 0.5}, 0))
        .containsExactly(true, false, true);
    assertThat(SlotAllocator.losers(tracks, new boolean[3], new double[3], 0))
        .containsExactly(false, false, false);
  }
}
