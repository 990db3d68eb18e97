package io.scoregateway.gateway.scorefile;

import static io.scoregateway.gateway.scorefile.ParquetScoreReaderTest.good;
import static io.scoregateway.gateway.scorefile.ScoreFiles.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.scoregateway.gateway.scorefile.ScoreRowParser.BadRow;
import io.scoregateway.gateway.scorefile.ScoreRowParser.Parsed;
import io.scoregateway.store.SnapshotWriter.Row;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PartFilesTest {
  @TempDir Path dir;

  private Path part(String name, Object... rows) throws IOException {
    List<Map<String, Object>> in = new ArrayList<>();
    for (Object r : rows) {
      in.add(row("track", r, "score", 1.0));
    }
    return ScoreFiles.parquet(dir.resolve(name), ScoreFiles.PARQUET_SCHEMA, in);
  }

  @Test
  void listsPartsInNameOrderSkippingMarkersAndChecksums() throws IOException {
    Path b = part("part-00001-abc-c000.snappy.parquet", "t2");
    Path a = part("part-00000-abc-c000.snappy.parquet", "t1");
    Files.writeString(dir.resolve("_SUCCESS"), "");
    Files.writeString(dir.resolve("._SUCCESS.crc"), "x");
    Files.writeString(dir.resolve(".part-00000-abc-c000.snappy.parquet.crc"), "x");
    Files.createDirectory(dir.resolve("_temporary"));

    PartFiles parts = PartFiles.list(dir, null);
    assertThat(parts.files()).containsExactly(a, b);
    assertThat(parts.format()).isEqualTo(ScoreFormat.PARQUET);
    assertThat(parts.totalBytes()).isEqualTo(Files.size(a) + Files.size(b));
  }

  @Test
  void readsEveryPartAndLocatesBadRowsByPartAndRow() throws IOException {
    part("part-00000.parquet", "t1", "t2");
    part("part-00001.parquet", "t3", null, "t4");
    Files.writeString(dir.resolve("_SUCCESS"), "");
    List<Parsed> rows = new ArrayList<>();
    List<String> where = new ArrayList<>();
    try (ScoreSource src = ScoreSources.open(dir, null, ScoreColumns.DEFAULT)) {
      assertThat(src.format()).isEqualTo(ScoreFormat.PARQUET);
      assertThat(src.name()).isEqualTo(dir.getFileName() + "/");
      Parsed p;
      while ((p = src.next()) != null) {
        rows.add(p);
        if (p instanceof BadRow bad) {
          where.add(src.locate(bad));
        }
      }
      assertThat(src.bytesRead()).isEqualTo(src.totalBytes());
    }
    assertThat(rows).hasSize(5);
    assertThat(good(rows.get(0))).isEqualTo(new Row("t1", null, 1.0));
    assertThat(good(rows.get(4))).isEqualTo(new Row("t4", null, 1.0));
    assertThat(rows.get(3)).isEqualTo(new BadRow(2, "missing track (null)"));
    assertThat(where).containsExactly("part-00001.parquet row 2");
  }

  @Test
  void aPartWithoutTheScoreColumnsStopsTheReadNamingThePart() throws IOException {
    part("part-00000.parquet", "t1");
    ScoreFiles.parquet(
        dir.resolve("part-00001.parquet"),
        "message m { required binary track (STRING); required double p; }",
        List.of(row("track", "t2", "p", 1.0)));
    try (ScoreSource src = ScoreSources.open(dir, null, ScoreColumns.DEFAULT)) {
      assertThat(good(src.next())).isEqualTo(new Row("t1", null, 1.0));
      assertThatThrownBy(src::next)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageStartingWith("part-00001.parquet: no column 'score'");
    }
  }

  @Test
  void textPartsAreReadToo() throws IOException {
    Files.writeString(dir.resolve("part-00000.csv"), "track,segment,score\nt1,,1\n");
    Files.writeString(dir.resolve("part-00001.csv"), "track,segment,score\nt2,s1,x\n");
    List<String> where = new ArrayList<>();
    try (ScoreSource src = ScoreSources.open(dir, null, ScoreColumns.DEFAULT)) {
      assertThat(good(src.next())).isEqualTo(new Row("t1", null, 1.0));
      Parsed bad = src.next();
      where.add(src.locate((BadRow) bad));
      assertThat(src.next()).isNull();
    }
    assertThat(where).containsExactly("part-00001.csv line 2");
  }

  @Test
  void aDirectoryThatIsNotOneSnapshotIsRefusedNamingWhy() throws IOException {
    assertThatThrownBy(() -> PartFiles.list(dir, null)).hasMessageContaining("no part files");

    part("part-00000.parquet", "t1");
    Files.writeString(dir.resolve("part-00001.avro"), "");
    assertThatThrownBy(() -> PartFiles.list(dir, null))
        .hasMessageContaining("mixes formats: part-00001.avro is avro");
    Files.delete(dir.resolve("part-00001.avro"));

    Files.writeString(dir.resolve("part-r-00001"), "");
    assertThatThrownBy(() -> PartFiles.list(dir, null))
        .hasMessageContaining("cannot tell the format of part file part-r-00001")
        .hasMessageContaining("--format");
    assertThat(PartFiles.list(dir, "parquet").files()).hasSize(2);
    Files.delete(dir.resolve("part-r-00001"));

    Files.createDirectory(dir.resolve("segment=s1"));
    assertThatThrownBy(() -> PartFiles.list(dir, null))
        .hasMessageContaining("holds a directory segment=s1");
  }

  @Test
  void columnsCannotBeRenamedForTextFormats() throws IOException {
    Path csv = Files.writeString(dir.resolve("s.csv"), "track,segment,score\n");
    assertThatThrownBy(() -> ScoreSources.open(csv, null, ScoreColumns.parse("score=p")))
        .hasMessageContaining("--columns applies to Parquet and Avro");
  }
}
