package io.scoregateway.pacing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The history entries pacing_refresh.lua writes, read back. */
class PacingHistoryTest {
  @Test
  void readsAnEntryWithAndWithoutDemand() {
    PacingSlot s = PacingHistory.decode("1764324000123,120,130,125.500,0.0523,2400.250,17");
    assertThat(s).isEqualTo(new PacingSlot(1764324000123L, 120, 130, 125.5, 0.0523, 2400.25, 17));
    PacingSlot fresh = PacingHistory.decode("1764324000000,0,0,0.000,0.05,,3");
    assertThat(fresh.demand()).isNaN();
    assertThat(fresh.passRate()).isEqualTo(0.05);
    assertThat(PacingHistory.decodeAll(List.of("1,2,3,4.0,1e-07,5.0,6")).get(0).passRate())
        .isEqualTo(1e-7);
  }

  @Test
  void refusesAnEntryOfAnotherShape() {
    assertThatThrownBy(() -> PacingHistory.decode("1,2,3"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("3 fields");
  }

  @Test
  void anEntryFromTheRecordAfterAStep() {
    PacingRecord r = new PacingRecord();
    r.delivered = 40;
    r.promoted = 44;
    r.allow = 9;
    PacingSlot s = PacingSlot.of(r, 41.5, 1_000);
    assertThat(s.passRate()).isZero();
    assertThat(s.demand()).isNaN();
    assertThat(s).extracting(PacingSlot::delivered, PacingSlot::allow).containsExactly(40L, 9L);
  }
}
