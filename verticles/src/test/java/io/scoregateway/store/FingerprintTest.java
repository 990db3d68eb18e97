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

  /** An id's bytes fingerprint as its string does, at every length around the four-char words. */
  @Test
  void bytesAndStringsOfAnIdAgreeAndIdsStayApart() {
    java.util.Random r = new java.util.Random(9);
    String chars = "abcXYZ019._:-";
    for (int round = 0; round < 20_000; round++) {
      StringBuilder b = new StringBuilder();
      for (int n = 1 + r.nextInt(round < 100 ? 12 : 40); n > 0; n--) {
        b.append(chars.charAt(r.nextInt(chars.length())));
      }
      String id = b.toString();
      byte[] padded = ("##" + id + "#").getBytes(java.nio.charset.StandardCharsets.US_ASCII);
      assertThat(Fingerprint.ofCheckedId(padded, 2, id.length()))
          .as(id)
          .isEqualTo(Fingerprint.ofId(id));
      // one byte outside the grammar anywhere (the ASCII '#', a UTF-8 byte) and it is no id
      byte[] broken = padded.clone();
      broken[2 + r.nextInt(id.length())] = (byte) (r.nextBoolean() ? '#' : 0xC3);
      assertThat(Fingerprint.ofCheckedId(broken, 2, id.length())).isEqualTo(Fingerprint.NOT_AN_ID);
    }
    byte[] long129 = "x".repeat(129).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    assertThat(Fingerprint.ofCheckedId(long129, 0, 128))
        .isEqualTo(Fingerprint.ofId("x".repeat(128)));
    assertThat(Fingerprint.ofCheckedId(long129, 0, 129)).isEqualTo(Fingerprint.NOT_AN_ID);
    assertThat(Fingerprint.ofCheckedId(long129, 0, 0)).isEqualTo(Fingerprint.NOT_AN_ID);
    // trailing "\0"-like words and lengths: "a" and "a" + a zero char differ by their length
    assertThat(Fingerprint.ofId("a")).isNotEqualTo(Fingerprint.ofId("a\u0000"));
    assertThat(Fingerprint.ofId("abcd")).isNotEqualTo(Fingerprint.ofId("abcd\u0000"));
    // a million demo ids, none sharing a fingerprint
    Set<Long> ids = new HashSet<>();
    for (int i = 0; i < 1_000_000; i++) {
      ids.add(Fingerprint.ofId("t" + i));
    }
    assertThat(ids).hasSize(1_000_000);
  }
}
