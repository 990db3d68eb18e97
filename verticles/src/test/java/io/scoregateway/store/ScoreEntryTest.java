package io.scoregateway.store;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ScoreEntryTest {
  @Test
  void decodesEverySegment() {
    ScoreEntry e = ScoreEntry.decode("default=0.5;s7=0.8;s9=1.25E-4;");
    assertThat(e.scoreFor("default")).isEqualTo(0.5);
    assertThat(e.scoreFor("s7")).isEqualTo(0.8);
    assertThat(e.scoreFor("s9")).isEqualTo(1.25e-4);
  }

  @Test
  void aLaterEntryForTheSameSegmentWins() {
    ScoreEntry e = ScoreEntry.decode("s7=0.1;default=0.2;s7=0.3;default=0.4;s7=0.9;");
    assertThat(e.scoreFor("s7")).isEqualTo(0.9);
    assertThat(e.scoreFor("default")).isEqualTo(0.4);
    assertThat(e.scoreFor("other")).isEqualTo(0.4);
  }

  @Test
  void anUnknownSegmentFallsBackToDefault() {
    ScoreEntry e = ScoreEntry.decode("s7=0.8;default=0.5;");
    assertThat(e.scoreFor("s1")).isEqualTo(0.5);
  }

  @Test
  void withoutDefaultAnUnknownSegmentIsNaN() {
    ScoreEntry e = ScoreEntry.decode("s7=0.8;");
    assertThat(e.scoreFor("s1")).isNaN();
    assertThat(e.scoreFor("default")).isNaN();
    assertThat(e.scoreFor("s7")).isEqualTo(0.8);
  }

  @Test
  void emptyOrMissingValuesAreNull() {
    assertThat(ScoreEntry.decode(null)).isNull();
    assertThat(ScoreEntry.decode("")).isNull();
  }

  @Test
  void malformedEntriesAreIgnored() {
    ScoreEntry e = ScoreEntry.decode("garbage;=0.9;s1=;s2=abc;s3=0.3;default=0.5;s4=0.4");
    assertThat(e.scoreFor("s3")).isEqualTo(0.3);
    // every broken entry falls back to default rather than yielding its garbage
    assertThat(e.scoreFor("s1")).isEqualTo(0.5);
    assertThat(e.scoreFor("s2")).isEqualTo(0.5);
    assertThat(e.scoreFor("")).isEqualTo(0.5);
    // a trailing entry without its terminator is a partial append: ignored
    assertThat(e.scoreFor("s4")).isEqualTo(0.5);
    assertThat(ScoreEntry.decode("garbage;s1=x;")).isNull();
    assertThat(ScoreEntry.decode("s1=0.5")).isNull();
  }

  @Test
  void anEntryWithoutEqualsDoesNotBorrowTheNextOnesValue() {
    ScoreEntry e = ScoreEntry.decode("broken;s1=0.7;");
    assertThat(e.scoreFor("s1")).isEqualTo(0.7);
    assertThat(e.scoreFor("broken")).isNaN();
    assertThat(e.scoreFor("broken;s1")).isNaN();
  }

  @Test
  void encodedRowsDecodeBack() {
    String value =
        ScoreEntry.encodeRow("", 0.25)
            + ScoreEntry.encodeRow(null, 0.5)
            + ScoreEntry.encodeRow("s7", 0.75);
    ScoreEntry e = ScoreEntry.decode(value);
    assertThat(e.scoreFor("default")).isEqualTo(0.5);
    assertThat(e.scoreFor("s7")).isEqualTo(0.75);
  }

  /**
   * Names are shared up to a bound, and past it compared by their text: a request's segment is
   * found however its string was made, and before or after the bound, never confused.
   */
  @Test
  void segmentsAreFoundWhetherTheirNamesAreSharedOrNot() {
    ScoreEntry early = ScoreEntry.decode("default=0.5;seg-a=0.25;");
    // fill the shared names (other tests may have added some: go well past the bound)
    for (int i = 0; i < ScoreEntry.MAX_SHARED_NAMES + 10; i++) {
      ScoreEntry.decode("fill-" + i + "=0.1;");
    }
    ScoreEntry late = ScoreEntry.decode("default=0.5;seg-b=0.75;seg-a=0.125;");
    String a = new String("seg-a".toCharArray());
    String b = new String("seg-b".toCharArray());
    assertThat(ScoreEntry.segment(a).shared()).isTrue();
    assertThat(ScoreEntry.segment(b).shared()).isFalse();
    assertThat(early.scoreFor(ScoreEntry.segment(a))).isEqualTo(0.25);
    assertThat(late.scoreFor(ScoreEntry.segment(a))).isEqualTo(0.125);
    assertThat(late.scoreFor(ScoreEntry.segment(b))).isEqualTo(0.75);
    assertThat(early.scoreFor(ScoreEntry.segment(b))).isEqualTo(0.5);
    assertThat(late.scoreFor(ScoreEntry.segment("seg-c"))).isEqualTo(0.5);
  }
}
