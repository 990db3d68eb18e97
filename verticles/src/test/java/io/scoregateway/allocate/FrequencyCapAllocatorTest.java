package io.scoregateway.allocate;

import static io.scoregateway.allocate.FrequencyCapAllocator.UNCAPPED;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class FrequencyCapAllocatorTest {
  @Test
  void bestScoresKeepTheRemainingAllowance() {
    // tracks a b c in campaign 0 (one more allowed), d in uncapped campaign 1
    boolean[] capped =
        FrequencyCapAllocator.capped(
            new int[] {0, 0, 0, 1},
            new int[] {0, 1, 2, 3},
            4,
            new boolean[] {true, true, true, true},
            new double[] {0.2, 0.9, 0.5, 0.1},
            new long[] {1, UNCAPPED});
    assertThat(capped).containsExactly(true, false, true, false);
  }

  @Test
  void aRepeatedTrackUsesTheAllowanceOnce() {
    // a b a: a is kept twice on one allowance, b loses
    boolean[] capped =
        FrequencyCapAllocator.capped(
            new int[] {0, 0, 0},
            new int[] {0, 1, 0},
            2,
            new boolean[] {true, true, true},
            new double[] {0.5, 0.4, 0.5},
            new long[] {1});
    assertThat(capped).containsExactly(false, true, false);
  }

  @Test
  void tiesGoToTheEarlierPositionAndUnpromotedAreIgnored() {
    boolean[] capped =
        FrequencyCapAllocator.capped(
            new int[] {0, 0, 0},
            new int[] {0, 1, 2},
            3,
            new boolean[] {false, true, true},
            new double[] {0.9, 0.5, 0.5},
            new long[] {1});
    assertThat(capped).containsExactly(false, false, true);
  }

  @Test
  void exhaustedAllowanceCapsEverything() {
    boolean[] capped =
        FrequencyCapAllocator.capped(
            new int[] {0, 0},
            new int[] {0, 1},
            2,
            new boolean[] {true, true},
            new double[] {0.5, 0.4},
            new long[] {0});
    assertThat(capped).containsExactly(true, true);
  }

  @Test
  void campaignsAreSettledEachOnItsOwnAllowance() {
    // interleaved: campaign 0 may take 2 more, campaign 1 one more
    boolean[] capped =
        FrequencyCapAllocator.capped(
            new int[] {0, 1, 0, 1, 0, 1},
            new int[] {0, 1, 2, 3, 4, 5},
            6,
            new boolean[] {true, true, true, true, true, true},
            new double[] {0.1, 0.2, 0.3, 0.9, 0.2, 0.1},
            new long[] {2, 1});
    assertThat(capped).containsExactly(true, true, false, false, false, true);
  }

  /** Many entries of one campaign take the merge sort; the result is the plain rule's. */
  @Test
  void largeAnswersKeepExactlyTheBestDistinctTracks() {
    Random rnd = new Random(7);
    int n = 1000;
    int[] campaignOf = new int[n];
    int[] trackOf = new int[n];
    boolean[] promoted = new boolean[n];
    double[] scores = new double[n];
    for (int i = 0; i < n; i++) {
      trackOf[i] = rnd.nextInt(300); // repeats, each track's score fixed
      promoted[i] = rnd.nextInt(10) > 0;
      scores[i] = (trackOf[i] % 17) / 17.0;
    }
    long allowance = 40;
    boolean[] capped =
        FrequencyCapAllocator.capped(
            campaignOf, trackOf, 300, promoted, scores, new long[] {allowance});
    // the reference: distinct promoted tracks by score desc, then first position; the first 40 keep
    java.util.List<Integer> firsts = new java.util.ArrayList<>();
    java.util.Set<Integer> seen = new java.util.HashSet<>();
    for (int i = 0; i < n; i++) {
      if (promoted[i] && seen.add(trackOf[i])) {
        firsts.add(i);
      }
    }
    firsts.sort((a, b) -> scores[a] != scores[b] ? Double.compare(scores[b], scores[a]) : a - b);
    java.util.Set<Integer> keptTracks = new java.util.HashSet<>();
    for (int e = 0; e < allowance; e++) {
      keptTracks.add(trackOf[firsts.get(e)]);
    }
    for (int i = 0; i < n; i++) {
      boolean expected = promoted[i] && !keptTracks.contains(trackOf[i]);
      assertThat(capped[i]).as("entry %d (track %d)", i, trackOf[i]).isEqualTo(expected);
    }
  }
}
