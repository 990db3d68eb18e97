package io.scoregateway.gateway.scorefile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.scoregateway.gateway.scorefile.ScoreRowParser.BadRow;
import io.scoregateway.gateway.scorefile.ScoreRowParser.GoodRow;
import io.scoregateway.gateway.scorefile.ScoreRowParser.Parsed;
import io.scoregateway.store.SnapshotWriter.Row;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScoreFileReaderTest {

  private static List<Parsed> read(String text, ScoreFormat format) throws IOException {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    List<Parsed> out = new ArrayList<>();
    try (ScoreFileReader r = new ScoreFileReader(new ByteArrayInputStream(bytes), format)) {
      Parsed p;
      while ((p = r.next()) != null) {
        out.add(p);
      }
      assertThat(r.bytesRead()).isEqualTo(bytes.length);
    }
    return out;
  }

  private static Row good(Parsed p) {
    assertThat(p).isInstanceOf(GoodRow.class);
    return ((GoodRow) p).row();
  }

  private static BadRow bad(Parsed p) {
    assertThat(p).isInstanceOf(BadRow.class);
    return (BadRow) p;
  }

  @Test
  void goodCsvRowsWithEmptySegmentAsDefault() throws IOException {
    List<Parsed> rows =
        read("track,segment,score\nt1,s1,0.5\nt1,,2\nt:2.x_y-z, s2 ,1e-3\n", ScoreFormat.CSV);
    assertThat(rows).hasSize(3);
    assertThat(good(rows.get(0))).isEqualTo(new Row("t1", "s1", 0.5));
    assertThat(good(rows.get(1))).isEqualTo(new Row("t1", null, 2.0));
    assertThat(good(rows.get(2))).isEqualTo(new Row("t:2.x_y-z", "s2", 0.001));
    assertThat(((GoodRow) rows.get(2)).line()).isEqualTo(4);
  }

  @Test
  void headerWithBomCrlfAndSpacesIsAccepted() throws IOException {
    List<Parsed> rows =
        read("\uFEFF Track , Segment , Score \r\nt1,,1\r\n\r\nt2,s,0\r\n", ScoreFormat.CSV);
    assertThat(rows).hasSize(2);
    assertThat(good(rows.get(0))).isEqualTo(new Row("t1", null, 1.0));
    assertThat(((GoodRow) rows.get(1)).line()).isEqualTo(4);
    assertThat(good(rows.get(1))).isEqualTo(new Row("t2", "s", 0.0));
  }

  @Test
  void missingOrWrongHeaderIsRejected() {
    assertThatThrownBy(() -> read("t1,s1,0.5\n", ScoreFormat.CSV))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("line 1")
        .hasMessageContaining("header");
    assertThatThrownBy(() -> read("", ScoreFormat.CSV))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("empty file");
    assertThatThrownBy(() -> read("track,score,segment\n", ScoreFormat.CSV))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void headerOnlyFileHasNoRows() throws IOException {
    assertThat(read("track,segment,score\n", ScoreFormat.CSV)).isEmpty();
  }

  @Test
  void eachKindOfBadCsvRowHasItsLineAndReason() throws IOException {
    String csv =
        String.join(
            "\n",
            "track,segment,score",
            "t1,s1", // 2: column count
            "t1,s1,1,extra", // 3: column count
            "bad id,s1,1", // 4: track
            ",s1,1", // 5: empty track
            "t1,s/1,1", // 6: segment
            "t1,s1,abc", // 7: not a number
            "t1,s1,NaN", // 8: not finite
            "t1,s1,Infinity", // 9: not finite
            "t1,s1,1e999", // 10: overflows
            "t1,s1,-0.5", // 11: negative
            "t1,s1,", // 12: missing
            "t1,s1,0x10", // 13: hex is not accepted
            "x".repeat(129) + ",,1", // 14: track too long
            "t1,s1,3"); // 15: fine
    List<Parsed> rows = read(csv, ScoreFormat.CSV);
    assertThat(rows).hasSize(14);
    assertThat(bad(rows.get(0)))
        .isEqualTo(new BadRow(2, "expected 3 columns (track,segment,score), found 2"));
    assertThat(bad(rows.get(1)).reason()).contains("found 4");
    assertThat(bad(rows.get(2))).extracting(BadRow::line).isEqualTo(4L);
    assertThat(bad(rows.get(2)).reason()).startsWith("invalid track id 'bad id'");
    assertThat(bad(rows.get(3)).reason()).isEqualTo("missing track id");
    assertThat(bad(rows.get(4)).reason()).startsWith("invalid segment id 's/1'");
    assertThat(bad(rows.get(5)).reason()).isEqualTo("score is not a number: 'abc'");
    assertThat(bad(rows.get(6)).reason()).isEqualTo("score is not a finite number: 'NaN'");
    assertThat(bad(rows.get(7)).reason()).isEqualTo("score is not a finite number: 'Infinity'");
    assertThat(bad(rows.get(8)).reason()).isEqualTo("score is not a finite number: '1e999'");
    assertThat(bad(rows.get(9))).isEqualTo(new BadRow(11, "negative score '-0.5'"));
    assertThat(bad(rows.get(10)).reason()).isEqualTo("missing score");
    assertThat(bad(rows.get(11)).reason()).startsWith("score is not a number");
    assertThat(bad(rows.get(12))).extracting(BadRow::line).isEqualTo(14L);
    assertThat(bad(rows.get(12)).reason()).startsWith("invalid track id").contains("...");
    assertThat(good(rows.get(13))).isEqualTo(new Row("t1", "s1", 3.0));
    assertThat(((GoodRow) rows.get(13)).line()).isEqualTo(15);
  }

  @Test
  void negativeZeroIsStoredAsZero() {
    assertThat(good(ScoreRowParser.csv(2, "t1,,-0.0")).score()).isEqualTo(0.0).isNotNegative();
  }

  @Test
  void ndjsonRows() throws IOException {
    String nd =
        """
        \uFEFF{"track":"t1","segment":"s1","score":0.5}
        {"track":"t2","score":3}
        {"track":"t3","segment":"","score":1,"extra":true}

        {"track":"t4","segment":null,"score":2}
        not json
        [1,2]
        {"segment":"s1","score":1}
        {"track":7,"score":1}
        {"track":"t1","segment":3,"score":1}
        {"track":"t1","score":"0.5"}
        {"track":"t1"}
        {"track":"t1","score":-1}
        {"track":"a b","score":1}
        {"track":"t1","segment":"a b","score":1}""";
    List<Parsed> rows = read(nd, ScoreFormat.NDJSON);
    assertThat(rows).hasSize(14);
    assertThat(good(rows.get(0))).isEqualTo(new Row("t1", "s1", 0.5));
    assertThat(good(rows.get(1))).isEqualTo(new Row("t2", null, 3.0));
    assertThat(good(rows.get(2))).isEqualTo(new Row("t3", null, 1.0));
    assertThat(good(rows.get(3))).isEqualTo(new Row("t4", null, 2.0));
    assertThat(((GoodRow) rows.get(3)).line()).isEqualTo(5);
    assertThat(bad(rows.get(4))).isEqualTo(new BadRow(6, "not a JSON object"));
    assertThat(bad(rows.get(5))).isEqualTo(new BadRow(7, "not a JSON object"));
    assertThat(bad(rows.get(6))).isEqualTo(new BadRow(8, "missing track"));
    assertThat(bad(rows.get(7))).isEqualTo(new BadRow(9, "track must be a string"));
    assertThat(bad(rows.get(8))).isEqualTo(new BadRow(10, "segment must be a string"));
    assertThat(bad(rows.get(9))).isEqualTo(new BadRow(11, "score must be a JSON number"));
    assertThat(bad(rows.get(10))).isEqualTo(new BadRow(12, "missing score"));
    assertThat(bad(rows.get(11))).isEqualTo(new BadRow(13, "negative score '-1'"));
    assertThat(bad(rows.get(12)).reason()).startsWith("invalid track id 'a b'");
    assertThat(bad(rows.get(13)).reason()).startsWith("invalid segment id 'a b'");
  }

  @Test
  void formatFromExtensionOrOverride() {
    assertThat(ScoreFormat.choose(Path.of("a/b.CSV"), null)).isEqualTo(ScoreFormat.CSV);
    assertThat(ScoreFormat.choose(Path.of("b.ndjson"), null)).isEqualTo(ScoreFormat.NDJSON);
    assertThat(ScoreFormat.choose(Path.of("b.jsonl"), null)).isEqualTo(ScoreFormat.NDJSON);
    assertThat(ScoreFormat.choose(Path.of("b.txt"), "ndjson")).isEqualTo(ScoreFormat.NDJSON);
    assertThat(ScoreFormat.choose(Path.of("b.jsonl"), "csv")).isEqualTo(ScoreFormat.CSV);
    assertThatThrownBy(() -> ScoreFormat.choose(Path.of("b.txt"), null))
        .hasMessageContaining("--format");
    assertThatThrownBy(() -> ScoreFormat.choose(Path.of("b.csv"), "xml"))
        .hasMessageContaining("xml");
    assertThat(ScoreFormat.choose(Path.of("part-0.snappy.parquet"), null))
        .isEqualTo(ScoreFormat.PARQUET);
    assertThat(ScoreFormat.choose(Path.of("x.AVRO"), null)).isEqualTo(ScoreFormat.AVRO);
    assertThat(ScoreFormat.choose(Path.of("part-r-00000"), "Parquet"))
        .isEqualTo(ScoreFormat.PARQUET);
  }
}
