package io.scoregateway.pacing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AdmissionHashTest {
  @Test
  void isDeterministic() {
    assertThat(AdmissionHash.unit("u-1", "c9", 29_535_840))
        .isEqualTo(AdmissionHash.unit("u-1", "c9", 29_535_840));
    assertThat(AdmissionHash.admits("u-1", "c9", 7, 0.4))
        .isEqualTo(AdmissionHash.admits("u-1", "c9", 7, 0.4));
  }

  @Test
  void valuesAreInTheUnitInterval() {
    for (int i = 0; i < 20_000; i++) {
      assertThat(AdmissionHash.unit("u-" + i, "c" + (i % 7), i / 3))
          .isGreaterThanOrEqualTo(0.0)
          .isLessThan(1.0);
    }
    assertThat(AdmissionHash.unit("", "", 0)).isGreaterThanOrEqualTo(0.0).isLessThan(1.0);
  }

  @Test
  void admitsRoughlyThePassRate() {
    for (double p : new double[] {0.05, 0.3, 0.75}) {
      int admitted = 0;
      for (int i = 0; i < 100_000; i++) {
        if (AdmissionHash.admits("u-" + i, "c1", 29_535_840, p)) {
          admitted++;
        }
      }
      assertThat(admitted / 100_000.0).as("p=%s", p).isBetween(p - 0.01, p + 0.01);
    }
  }

  @Test
  void isUniformOverDeciles() {
    int[] buckets = new int[10];
    for (int i = 0; i < 100_000; i++) {
      buckets[(int) (AdmissionHash.unit("user" + i, "camp", 42) * 10)]++;
    }
    for (int b : buckets) {
      assertThat(b).isBetween(9_500, 10_500);
    }
  }

  @Test
  void differentSlotsCampaignsAndUsersGiveDifferentValues() {
    double base = AdmissionHash.unit("u-1", "c1", 100);
    assertThat(AdmissionHash.unit("u-1", "c1", 101)).isNotEqualTo(base);
    assertThat(AdmissionHash.unit("u-1", "c2", 100)).isNotEqualTo(base);
    assertThat(AdmissionHash.unit("u-2", "c1", 100)).isNotEqualTo(base);
    // field boundaries matter: ("u-1", "c1") is not ("u-1c", "1")
    assertThat(AdmissionHash.unit("u-1c", "1", 100)).isNotEqualTo(base);
    // a listener refused in one slot is not refused for the whole flight
    int admittedSomeSlot = 0;
    for (int i = 0; i < 1_000; i++) {
      for (long slot = 0; slot < 20; slot++) {
        if (AdmissionHash.admits("u-" + i, "c1", slot, 0.3)) {
          admittedSomeSlot++;
          break;
        }
      }
    }
    assertThat(admittedSomeSlot).isGreaterThan(990);
  }

  @Test
  void edgesOfThePassRate() {
    int admitted = 0;
    for (int i = 0; i < 10_000; i++) {
      assertThat(AdmissionHash.admits("u-" + i, "c", 1, 1.0)).isTrue();
      if (AdmissionHash.admits("u-" + i, "c", 1, 0.0)) {
        admitted++;
      }
    }
    assertThat(admitted).isZero();
  }
}
