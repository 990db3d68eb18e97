package io.scoregateway.allocate;

import static org.assertj.core.api.Assertions.assertThat;

import io.scoregateway.model.Reason;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** {@link SlotAllocator} with policy weights and labels. */
class BalancedAllocationTest {
  static boolean[] all(int n) {
    boolean[] b = new boolean[n];
    java.util.Arrays.fill(b, true);
    return b;
  }

  static double[] weights(AllocationPolicy p, double[] scores, double[] urgency) {
    double[] w = new double[scores.length];
    for (int i = 0; i < w.length; i++) {
      w[i] = p.weight(scores[i], urgency[i]);
    }
    return w;
  }

  @Test
  void balancedLetsACampaignBehindPlanBeatAHigherScoreOnPlan() {
    List<String> tracks = List.of("onPlan", "behind");
    double[] scores = {0.6, 0.5};
    double[] urgency = {1.0, Urgency.BOUND};
    Reason[] relevance =
        SlotAllocator.allocate(
                tracks, null, all(2), weights(AllocationPolicy.RELEVANCE, scores, urgency), 1, 0)
            .lost();
    Reason[] balanced =
        SlotAllocator.allocate(
                tracks, null, all(2), weights(AllocationPolicy.BALANCED, scores, urgency), 1, 0)
            .lost();
    assertThat(relevance).containsExactly(null, Reason.SLOT_LIMIT);
    assertThat(balanced).containsExactly(Reason.SLOT_LIMIT, null);
  }

  @Test
  void aScoreMoreThanBoundSquaredTimesAnotherAlwaysWins() {
    SplittableRandom rnd = new SplittableRandom(3);
    double b2 = Urgency.BOUND * Urgency.BOUND;
    for (int k = 0; k < 10_000; k++) {
      double low = 0.01 + rnd.nextDouble();
      double high = low * b2 * (1 + 1e-9 + rnd.nextDouble() * 0.01);
      // the weakest urgency for the high score, the strongest for the low one, and everything
      // between
      double uHigh = 1 / Urgency.BOUND + rnd.nextDouble() * (Urgency.BOUND - 1 / Urgency.BOUND);
      double uLow = 1 / Urgency.BOUND + rnd.nextDouble() * (Urgency.BOUND - 1 / Urgency.BOUND);
      if (k % 2 == 0) {
        uHigh = 1 / Urgency.BOUND;
        uLow = Urgency.BOUND;
      }
      double[] w =
          weights(AllocationPolicy.BALANCED, new double[] {low, high}, new double[] {uLow, uHigh});
      Reason[] lost = SlotAllocator.allocate(List.of("l", "h"), null, all(2), w, 1, 0).lost();
      assertThat(lost)
          .as("low %s x %s vs high %s x %s", low, uLow, high, uHigh)
          .containsExactly(Reason.SLOT_LIMIT, null);
    }
  }

  @Test
  void equalWeightsGoToTheEarlierPosition() {
    double[] w = {0.5, 0.75, 0.75};
    assertThat(SlotAllocator.allocate(List.of("a", "b", "c"), null, all(3), w, 1, 0).lost())
        .containsExactly(Reason.SLOT_LIMIT, null, Reason.SLOT_LIMIT);
  }

  @Test
  void atMostNTracksOfOneLabelKeepTheirPromotionEvenWithoutASlotLimit() {
    List<String> tracks = List.of("a1", "b1", "a2", "a3", "x");
    String[] labels = {"A", "B", "A", "A", null};
    double[] w = {0.9, 0.5, 0.8, 0.7, 0.1};
    SlotAllocator.Outcome o = SlotAllocator.allocate(tracks, labels, all(5), w, -1, 2);
    assertThat(o.lost()).containsExactly(null, null, null, Reason.LABEL_LIMIT, null);
    // what each saw of its label when weighed, best first: a1 0, a2 1, a3 2; b1 0; no label -1
    assertThat(o.labelCount()).containsExactly(0, 0, 1, 2, -1);
  }

  @Test
  void aLabelAtItsLimitAnswersLabelLimitEvenWhenTheSlotsAreFullToo() {
    List<String> tracks = List.of("a1", "a2", "b1", "b2");
    String[] labels = {"A", "A", "B", "B"};
    double[] w = {0.9, 0.8, 0.7, 0.6};
    Reason[] lost = SlotAllocator.allocate(tracks, labels, all(4), w, 1, 1).lost();
    // a1 takes the only slot; a2 meets its label's limit first; b1 finds the slots full
    assertThat(lost)
        .containsExactly(null, Reason.LABEL_LIMIT, Reason.SLOT_LIMIT, Reason.SLOT_LIMIT);
  }

  @Test
  void aLabelLimitFreesSlotsForOtherLabels() {
    List<String> tracks = List.of("a1", "a2", "b1");
    String[] labels = {"A", "A", "B"};
    double[] w = {0.9, 0.8, 0.1};
    assertThat(SlotAllocator.allocate(tracks, labels, all(3), w, 2, 1).lost())
        .containsExactly(null, Reason.LABEL_LIMIT, null);
  }

  @Test
  void aDuplicateCountsOnceForItsLabelAndSharesItsAnswer() {
    List<String> tracks = List.of("a1", "a2", "a1", "a1");
    String[] labels = {"A", "A", "A", "A"};
    double[] w = {0.9, 0.8, 0.9, 0.9};
    SlotAllocator.Outcome o = SlotAllocator.allocate(tracks, labels, all(4), w, -1, 1);
    assertThat(o.lost()).containsExactly(null, Reason.LABEL_LIMIT, null, null);
    assertThat(o.labelCount()).containsExactly(0, 1, 0, 0);
  }

  @Test
  void positionsThatWereNotPromotedAreLeftAlone() {
    boolean[] promoted = {false, true, true};
    SlotAllocator.Outcome o =
        SlotAllocator.allocate(
            List.of("a", "b", "c"), new String[] {"A", "A", "A"}, promoted, new double[3], 0, 1);
    // no slot at all: neither is kept, so neither counts against the label
    assertThat(o.lost()).containsExactly(null, Reason.SLOT_LIMIT, Reason.SLOT_LIMIT);
    assertThat(o.labelCount()[0]).isEqualTo(-1);
  }
}
