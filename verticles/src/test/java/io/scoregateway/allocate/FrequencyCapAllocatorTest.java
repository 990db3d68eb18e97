package io.scoregateway.allocate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FrequencyCapAllocatorTest {
  @Test
  void bestScoresKeepTheRemainingAllowance() {
    List<String> tracks = List.of("a", "b", "c", "d");
    String[] campaigns = {"c1", "c1", "c1", "c2"};
    boolean[] promoted = {true, true, true, true};
    double[] scores = {0.2, 0.9, 0.5, 0.1};
    boolean[] capped =
        FrequencyCapAllocator.capped(tracks, campaigns, promoted, scores, Map.of("c1", 1L));
    assertThat(capped).containsExactly(true, false, true, false);
  }

  @Test
  void aRepeatedTrackUsesTheAllowanceOnce() {
    List<String> tracks = List.of("a", "b", "a");
    String[] campaigns = {"c1", "c1", "c1"};
    boolean[] capped =
        FrequencyCapAllocator.capped(
            tracks,
            campaigns,
            new boolean[] {true, true, true},
            new double[] {0.5, 0.4, 0.5},
            Map.of("c1", 1L));
    assertThat(capped).containsExactly(false, true, false);
  }

  @Test
  void tiesGoToTheEarlierPositionAndUnpromotedAreIgnored() {
    List<String> tracks = List.of("a", "b", "c");
    String[] campaigns = {"c1", "c1", "c1"};
    boolean[] capped =
        FrequencyCapAllocator.capped(
            tracks,
            campaigns,
            new boolean[] {false, true, true},
            new double[] {0.9, 0.5, 0.5},
            Map.of("c1", 1L));
    assertThat(capped).containsExactly(false, false, true);
  }

  @Test
  void exhaustedAllowanceCapsEverything() {
    boolean[] capped =
        FrequencyCapAllocator.capped(
            List.of("a", "b"),
            new String[] {"c1", "c1"},
            new boolean[] {true, true},
            new double[] {0.5, 0.4},
            Map.of("c1", 0L));
    assertThat(capped).containsExactly(true, true);
  }
}
