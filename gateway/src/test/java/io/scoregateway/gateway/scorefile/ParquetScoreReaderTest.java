package io.scoregateway.gateway.scorefile;

import static io.scoregateway.gateway.scorefile.ScoreFiles.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.scoregateway.gateway.scorefile.ScoreRowParser.BadRow;
import io.scoregateway.gateway.scorefile.ScoreRowParser.GoodRow;
import io.scoregateway.gateway.scorefile.ScoreRowParser.Parsed;
import io.scoregateway.store.SnapshotWriter.Row;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ParquetScoreReaderTest {
  @TempDir Path dir;

  static List<Parsed> readAll(ScoreSource source) throws IOException {
    List<Parsed> out = new ArrayList<>();
    try (source) {
      Parsed p;
      while ((p = source.next()) != null) {
        out.add(p);
      }
      assertThat(source.bytesRead()).isEqualTo(source.totalBytes());
    }
    return out;
  }

  private List<Parsed> read(String schema, List<Map<String, Object>> rows) throws IOException {
    Path file = ScoreFiles.parquet(dir.resolve("s.parquet"), schema, rows);
    return readAll(ParquetScoreReader.open(file, ScoreColumns.DEFAULT));
  }

  static Row good(Parsed p) {
    assertThat(p).isInstanceOf(GoodRow.class);
    return ((GoodRow) p).row();
  }

  @Test
  void readsTrackSegmentAndScoreAndReportsBadRowsByRecordNumber() throws IOException {
    List<Parsed> rows =
        read(
            ScoreFiles.PARQUET_SCHEMA,
            List.of(
                row("track", "t1", "score", 0.5),
                row("track", "t1", "segment", "s1", "score", 0.75),
                row("segment", "s1", "score", 1.0),
                row("track", "t2"),
                row("track", "t3", "score", Double.NaN),
                row("track", "t4", "score", -1.0),
                row("track", "bad id", "score", 1.0),
                row("track", "t5", "segment", "", "score", 2.0)));
    assertThat(good(rows.get(0))).isEqualTo(new Row("t1", null, 0.5));
    assertThat(good(rows.get(1))).isEqualTo(new Row("t1", "s1", 0.75));
    assertThat(rows.get(2)).isEqualTo(new BadRow(3, "missing track (null)"));
    assertThat(rows.get(3)).isEqualTo(new BadRow(4, "missing score (null)"));
    assertThat(((BadRow) rows.get(4)).reason()).startsWith("score is not a finite number");
    assertThat(rows.get(5)).isEqualTo(new BadRow(6, "negative score '-1.0'"));
    assertThat(((BadRow) rows.get(6)).reason()).startsWith("invalid track id 'bad id'");
    assertThat(good(rows.get(7))).isEqualTo(new Row("t5", null, 2.0));
  }

  @Test
  void aStringScoreIsParsedAndOneThatIsNotANumberIsABadRow() throws IOException {
    List<Parsed> rows =
        read(
            "message m { required binary track (STRING); required binary score (STRING); }",
            List.of(row("track", "t1", "score", " 0.25 "), row("track", "t2", "score", "abc")));
    assertThat(good(rows.get(0))).isEqualTo(new Row("t1", null, 0.25));
    assertThat(rows.get(1)).isEqualTo(new BadRow(2, "score is not a number: 'abc'"));
  }

  @Test
  void integerIdsAndFloatIntegerAndDecimalScoresUnderMappedNames() throws IOException {
    Path file =
        ScoreFiles.parquet(
            dir.resolve("typed.parquet"),
            "message m { required int64 track_id; required int32 segment; required float f;"
                + " required int64 n; required int32 d (DECIMAL(9,2)); }",
            List.of(row("track_id", 42L, "segment", 7, "f", 0.1f, "n", 3L, "d", 1234)));
    assertThat(good(first(file, "track=track_id,score=f"))).isEqualTo(new Row("42", "7", 0.1));
    assertThat(good(first(file, "track=track_id,score=n"))).isEqualTo(new Row("42", "7", 3));
    assertThat(good(first(file, "track=track_id,score=d"))).isEqualTo(new Row("42", "7", 12.34));
    assertThat(good(first(file, "track=track_id,score=f,segment=none")))
        .isEqualTo(new Row("42", null, 0.1));
  }

  private static Parsed first(Path file, String columns) throws IOException {
    return readAll(ParquetScoreReader.open(file, ScoreColumns.parse(columns))).get(0);
  }

  @ParameterizedTest
  @EnumSource(
      value = CompressionCodecName.class,
      names = {"UNCOMPRESSED", "SNAPPY", "GZIP", "ZSTD", "LZ4_RAW"})
  void manyRowGroupsStreamInOrderUnderEveryCommonCodec(CompressionCodecName codec)
      throws IOException {
    List<Map<String, Object>> in = new ArrayList<>();
    for (int i = 0; i < 20_000; i++) {
      in.add(row("track", "t" + i, "segment", "s" + (i % 8), "score", i / 100.0));
    }
    Path file =
        ScoreFiles.parquet(
            dir.resolve(codec + ".parquet"), ScoreFiles.PARQUET_SCHEMA, codec, 16 * 1024, in);
    try (ParquetScoreReader r = ParquetScoreReader.open(file, ScoreColumns.DEFAULT)) {
      long last = 0;
      long atHalf = -1;
      for (int i = 0; i < 20_000; i++) {
        assertThat(good(r.next())).isEqualTo(new Row("t" + i, "s" + (i % 8), i / 100.0));
        assertThat(r.bytesRead()).isGreaterThanOrEqualTo(last);
        last = r.bytesRead();
        if (i == 10_000) {
          atHalf = last;
        }
      }
      assertThat(r.next()).isNull();
      assertThat(r.bytesRead()).isEqualTo(Files.size(file));
      assertThat((double) atHalf / Files.size(file)).isBetween(0.3, 0.7);
    }
  }

  @Test
  void columnsAreFoundByNameIgnoringCaseAndOthersAreNotRead() throws IOException {
    List<Parsed> rows =
        read(
            "message m { required binary Track (STRING); required binary payload;"
                + " required double SCORE; }",
            List.of(row("Track", "t1", "payload", new byte[1000], "SCORE", 2.0)));
    assertThat(good(rows.get(0))).isEqualTo(new Row("t1", null, 2.0));
  }

  @Test
  void aMissingOrMistypedColumnIsNamedBeforeAnyRowIsRead() throws IOException {
    assertThatThrownBy(
            () ->
                read(
                    "message m { required binary track (STRING); required double p; }",
                    List.of(row("track", "t1", "p", 1.0))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no column 'score'")
        .hasMessageContaining("columns: track, p")
        .hasMessageContaining("--columns");
    assertThatThrownBy(
            () ->
                read(
                    "message m { required binary track (STRING); required boolean score; }",
                    List.of(row("track", "t1", "score", true))))
        .hasMessageContaining("column 'score' is required boolean score")
        .hasMessageContaining("a score must be a number");
    assertThatThrownBy(
            () ->
                read(
                    "message m { required double track; required double score; }",
                    List.of(row("track", 1.0, "score", 1.0))))
        .hasMessageContaining("an id must be a string");
    assertThatThrownBy(
            () ->
                read(
                    "message m { repeated binary track (STRING); required double score; }",
                    List.of(row("track", "t1", "score", 1.0))))
        .hasMessageContaining("column 'track' is repeated");
    assertThatThrownBy(
            () ->
                read(
                    "message m { required group track { required binary id (STRING); }"
                        + " required double score; }",
                    List.of(row("score", 1.0))))
        .hasMessageContaining("column 'track' is a group");
  }

  @Test
  void aFileThatIsNotParquetIsAnIoError() throws IOException {
    Path csv = Files.writeString(dir.resolve("x.parquet"), "track,segment,score\nt1,,1\n");
    assertThatThrownBy(() -> ParquetScoreReader.open(csv, ScoreColumns.DEFAULT))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("not a readable Parquet file");
  }
}
