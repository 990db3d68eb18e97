package io.scoregateway.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FingerprintTest {
  @Test
  void aMillionTracksInTwoSnapshotsGetTwoMillionDistinctKeys() {
    Set<Long> seen = new HashSet<>();
    for (String snapshot : new String[] {"demo-42-1000000", "demo-43-1000000"}) {
      long of = Fingerprint.ofSnapshot(snapshot);
      for (int i = 0; i < 1_000_000; i++) {
        seen.add(Fingerprint.of(of, "t" + i));
      }
    }
    assertThat(seen).hasSize(2_000_000);
  }

  @Test
  void theKeyDependsOnTheIdsNotOnTheStrings() {
    long a = Fingerprint.of(Fingerprint.ofSnapshot("v1"), "track-7");
    long b =
        Fingerprint.of(
            Fingerprint.ofSnapshot(new String("v1".toCharArray())),
            new String("track-7".toCharArray()));
    assertThat(a).isEqualTo(b);
    // ids that only a boundary tells apart: (v1, 1x) and (v11, x)
    assertThat(Fingerprint.of(Fingerprint.ofSnapshot("v1"), "1x"))
        .isNotEqualTo(Fingerprint.of(Fingerprint.ofSnapshot("v11"), "x"));
    assertThat(Fingerprint.of(Fingerprint.ofSnapshot("v1"), "ab"))
        .isNotEqualTo(Fingerprint.of(Fingerprint.ofSnapshot("v1"), "ba"));
  }
}
