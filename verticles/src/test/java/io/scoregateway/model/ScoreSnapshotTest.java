package io.scoregateway.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class ScoreSnapshotTest {
  static final Instant T0 = Instant.parse("2026-11-28T12:00:00Z");
  static final Instant T1 = Instant.parse("2026-11-28T12:05:00Z");

  @Test
  void aCompleteSnapshotIsReservedWhenDeletedAndKeepsItsCounts() {
    ScoreSnapshot complete = ScoreSnapshot.complete("s1", "scores.csv", 10, 2, T0);
    ScoreSnapshot deleting = complete.deleting();
    assertThat(deleting.state()).isEqualTo(SnapshotState.DELETING);
    assertThat(deleting.discard()).isFalse();
    ScoreSnapshot deleted = deleting.deleted(T1);
    assertThat(deleted.state()).isEqualTo(SnapshotState.DELETED);
    assertThat(deleted.rows()).isEqualTo(10);
    assertThat(deleted.badRows()).isEqualTo(2);
    assertThat(deleted.completedAt()).isEqualTo(T0);
    assertThat(deleted.deletedAt()).isEqualTo(T1);
    assertThat(deleted.discard()).isFalse();
  }

  @Test
  void anAbandonedLoadIsDiscardedAndStaysDiscardedWhenTheDeleteResumes() {
    ScoreSnapshot deleting = ScoreSnapshot.loading("s2", "scores.csv", T0).deleting();
    assertThat(deleting.discard()).isTrue();
    // a restart cut the erasure short: deleting it again must still free the id
    assertThat(deleting.deleting().discard()).isTrue();
  }

  @Test
  void aFailedLoadIsReservedLikeACompleteOne() {
    ScoreSnapshot failed = ScoreSnapshot.failed("s3", "scores.csv", "disk full", T0);
    assertThat(failed.deleting().discard()).isFalse();
    assertThat(failed.deleting().error()).isEqualTo("disk full");
  }

  @Test
  void onlyACompleteSnapshotWithoutRowsIsEmpty() {
    assertThat(ScoreSnapshot.complete("s", "f", 0, 3, T0).empty()).isTrue();
    assertThat(ScoreSnapshot.complete("s", "f", 1, 0, T0).empty()).isFalse();
    assertThat(ScoreSnapshot.loading("s", "f", T0).empty()).isFalse();
  }

  @Test
  void statesHaveLowerCaseWireNames() {
    for (SnapshotState s : SnapshotState.values()) {
      assertThat(SnapshotState.parse(s.wire())).isEqualTo(s);
    }
    assertThat(SnapshotState.COMPLETE.wire()).isEqualTo("complete");
    assertThatThrownBy(() -> SnapshotState.parse("half")).hasMessageContaining("half");
  }
}
