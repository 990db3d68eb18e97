package io.scoregateway.pacing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EngagementWindowTest {
  @Test
  void sumsTheBucketsInsideTheWindowOnly() {
    // window of 12 buckets ending at 100: 89..100 count, 88 has left
    String stored = "88:50:50,89:10:4,95:3:3,100:7:0";
    EngagementWindow.Counts c = EngagementWindow.sum(stored, 100);
    assertThat(c).isEqualTo(new EngagementWindow.Counts(20, 7));
    assertThat(c.skipRate()).isEqualTo(0.35);
    assertThat(EngagementWindow.sum(stored, 101)).isEqualTo(new EngagementWindow.Counts(10, 3));
    assertThat(EngagementWindow.sum(stored, 112)).isEqualTo(EngagementWindow.Counts.NONE);
  }

  @Test
  void nothingStoredIsNothingPlayed() {
    assertThat(EngagementWindow.sum("", 5)).isEqualTo(EngagementWindow.Counts.NONE);
    assertThat(EngagementWindow.sum(null, 5).skipRate()).isZero();
  }

  @Test
  void bucketsAreFiveSlotsAndTheWindowTwelveBuckets() {
    assertThat(EngagementWindow.bucket(299_999, 60_000)).isZero();
    assertThat(EngagementWindow.bucket(300_000, 60_000)).isEqualTo(1);
    assertThat(EngagementWindow.windowMs(60_000)).isEqualTo(3_600_000);
  }
}
