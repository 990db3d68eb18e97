package io.scoregateway.codec;

import static org.assertj.core.api.Assertions.assertThat;

import io.scoregateway.grpc.v1.ScoreResults;
import org.junit.jupiter.api.Test;

class WireWriterTest {
  @Test
  void anUnpairedSurrogateIsWrittenAsAQuestionMark() {
    WireWriter o = new WireWriter(0);
    o.string(9, "a\uD800b\uDFFF");
    byte[] b = o.buffer().getBytes();
    assertThat(b).hasSize(6);
    assertThat(b[1]).as("length").isEqualTo((byte) 4);
    assertThat(new String(b, 2, 4, java.nio.charset.StandardCharsets.UTF_8)).isEqualTo("a?b?");
  }

  /** A message's length is written when it closes, however many bytes the length takes. */
  @Test
  void messagesOfEveryLengthAreClosedWithTheirLength() throws Exception {
    for (int len : new int[] {0, 1, 126, 127, 128, 129, 16_383, 16_384, 70_000}) {
      WireWriter o = new WireWriter(4);
      o.uint32(1, 7);
      int m = o.begin(2);
      o.bytes(1, "x".repeat(len).getBytes(java.nio.charset.StandardCharsets.US_ASCII), 0, len);
      o.end(m);
      o.uint32(3, 9);
      ScoreResults parsed = ScoreResults.parseFrom(o.buffer().getBytes());
      assertThat(parsed.getFirstPosition()).isEqualTo(7);
      assertThat(parsed.getResultsCount()).isEqualTo(1);
      assertThat(parsed.getResults(0).getTrack()).hasSize(len);
      assertThat(parsed.getUnknownFields().asMap()).containsOnlyKeys(3);
    }
  }

  @Test
  void aClearedWriterWritesFromItsFirstByteAgain() throws Exception {
    WireWriter o = new WireWriter(4);
    o.ascii(2, "x".repeat(300));
    o.clear();
    o.uint32(1, 5);
    assertThat(o.size()).isEqualTo(2);
    assertThat(ScoreResults.parseFrom(o.buffer().getBytes()).getFirstPosition()).isEqualTo(5);
  }
}
