package io.scoregateway.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Assignment is a pure function of (salt, listener), accurate in its shares and independent. */
class ListenerSplitTest {
  static final int LISTENERS = 100_000;

  static double shareIn(String salt, double share) {
    int in = 0;
    for (int i = 0; i < LISTENERS; i++) {
      in += ListenerSplit.in(salt, "u-" + i, share) ? 1 : 0;
    }
    return (double) in / LISTENERS;
  }

  @Test
  void overOneHundredThousandListenersEachShareIsWithinHalfAPointOfItsConfiguration() {
    for (double share : new double[] {0.01, 0.05, 0.1, 0.25, 0.5, 0.9}) {
      assertThat(shareIn("experiment/e1", share))
          .as("share " + share)
          .isCloseTo(share, within(0.005));
      assertThat(shareIn("holdout/c9", share)).as("share " + share).isCloseTo(share, within(0.005));
    }
  }

  @Test
  void theSameInputsGiveTheSameValueOnEveryCallAndInstance() {
    // fixed vectors (also computed by the Python of docs/exposure-log.md): a change of the
    // algorithm
    // would move every listener to another group, and analysts recompute assignments offline
    assertThat(ListenerSplit.unit("experiment/e1", "u-1")).isEqualTo(0.48427951554582804);
    assertThat(ListenerSplit.unit("holdout/c9", "u-1")).isEqualTo(0.3257582864439129);
    assertThat(ListenerSplit.unit("", "")).isEqualTo(0.14838301097631856);
  }

  @Test
  void raisingAShareOnlyAddsListenersToTheGroup() {
    for (int i = 0; i < 10_000; i++) {
      String u = "u-" + i;
      if (ListenerSplit.in("s", u, 0.1)) {
        assertThat(ListenerSplit.in("s", u, 0.2)).as(u).isTrue();
      }
    }
    assertThat(ListenerSplit.in("s", "u-1", 0)).isFalse();
    assertThat(ListenerSplit.in("s", "u-1", 1)).isTrue();
  }

  @Test
  void groupsUnderDifferentSaltsAreIndependent() {
    int both = 0;
    int first = 0;
    for (int i = 0; i < LISTENERS; i++) {
      boolean a = ListenerSplit.in("experiment/e1", "u-" + i, 0.5);
      boolean b = ListenerSplit.in("holdout/c9", "u-" + i, 0.2);
      first += a ? 1 : 0;
      both += a && b ? 1 : 0;
    }
    // the holdout takes its share of each arm, not of one arm more than the other
    assertThat((double) both / first).isCloseTo(0.2, within(0.01));
  }

  @Test
  void theSeparatorKeepsSaltAndListenerApart() {
    assertThat(ListenerSplit.unit("ab", "c")).isNotEqualTo(ListenerSplit.unit("a", "bc"));
  }
}
