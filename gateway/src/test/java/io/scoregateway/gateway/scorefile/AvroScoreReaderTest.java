package io.scoregateway.gateway.scorefile;

import static io.scoregateway.gateway.scorefile.ParquetScoreReaderTest.good;
import static io.scoregateway.gateway.scorefile.ParquetScoreReaderTest.readAll;
import static io.scoregateway.gateway.scorefile.ScoreFiles.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.scoregateway.gateway.scorefile.ScoreRowParser.BadRow;
import io.scoregateway.gateway.scorefile.ScoreRowParser.Parsed;
import io.scoregateway.store.SnapshotWriter.Row;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.avro.file.CodecFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AvroScoreReaderTest {
  @TempDir Path dir;

  private List<Parsed> read(String schema, List<Map<String, Object>> rows) throws IOException {
    Path file = ScoreFiles.avro(dir.resolve("s.avro"), schema, rows);
    return readAll(AvroScoreReader.open(file, ScoreColumns.DEFAULT));
  }

  private static String schema(String fields) {
    return "{\"type\":\"record\",\"name\":\"r\",\"fields\":[" + fields + "]}";
  }

  @Test
  void readsRecordsAndReportsNullTracksAndScoresThatAreNoNumbers() throws IOException {
    List<Parsed> rows =
        read(
            ScoreFiles.AVRO_SCHEMA,
            List.of(
                row("track", "t1", "score", 0.5),
                row("track", "t1", "segment", "s1", "score", "0.75"),
                row("track", null, "score", 1.0),
                row("track", "t2", "score", "abc"),
                row("track", "t3", "score", null),
                row("track", "t4", "segment", "s 1", "score", 1.0)));
    assertThat(good(rows.get(0))).isEqualTo(new Row("t1", null, 0.5));
    assertThat(good(rows.get(1))).isEqualTo(new Row("t1", "s1", 0.75));
    assertThat(rows.get(2)).isEqualTo(new BadRow(3, "missing track (null)"));
    assertThat(rows.get(3)).isEqualTo(new BadRow(4, "score is not a number: 'abc'"));
    assertThat(rows.get(4)).isEqualTo(new BadRow(5, "missing score (null)"));
    assertThat(((BadRow) rows.get(5)).reason()).startsWith("invalid segment id 's 1'");
  }

  @Test
  void integerAndBytesIdsAndFloatLongAndDecimalScores() throws IOException {
    String s =
        schema(
            "{\"name\":\"track\",\"type\":\"long\"},{\"name\":\"segment\",\"type\":\"bytes\"},"
                + "{\"name\":\"f\",\"type\":\"float\"},{\"name\":\"n\",\"type\":\"int\"},"
                + "{\"name\":\"score\",\"type\":{\"type\":\"bytes\",\"logicalType\":\"decimal\","
                + "\"precision\":38,\"scale\":9}}");
    ByteBuffer seg = ByteBuffer.wrap("s9".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    ByteBuffer dec = ByteBuffer.wrap(BigInteger.valueOf(1_250_000_000L).toByteArray());
    Path file =
        ScoreFiles.avro(
            dir.resolve("typed.avro"),
            s,
            List.of(row("track", 7L, "segment", seg, "f", 0.1f, "n", 3, "score", dec)));
    assertThat(good(readAll(AvroScoreReader.open(file, ScoreColumns.DEFAULT)).get(0)))
        .isEqualTo(new Row("7", "s9", 1.25));
    assertThat(good(readAll(AvroScoreReader.open(file, ScoreColumns.parse("score=f"))).get(0)))
        .isEqualTo(new Row("7", "s9", 0.1));
    assertThat(good(readAll(AvroScoreReader.open(file, ScoreColumns.parse("score=n"))).get(0)))
        .isEqualTo(new Row("7", "s9", 3));
  }

  @ParameterizedTest
  @ValueSource(strings = {"null", "deflate", "snappy", "zstandard"})
  void manyBlocksStreamInOrderUnderEveryCodecReadHere(String codec) throws IOException {
    List<Map<String, Object>> in = new ArrayList<>();
    for (int i = 0; i < 20_000; i++) {
      in.add(row("track", "t" + i, "segment", i % 2 == 0 ? null : "s1", "score", (double) i));
    }
    Path file =
        ScoreFiles.avro(
            dir.resolve(codec + ".avro"),
            ScoreFiles.AVRO_SCHEMA,
            CodecFactory.fromString(codec),
            4096,
            in);
    try (AvroScoreReader r = AvroScoreReader.open(file, ScoreColumns.DEFAULT)) {
      long last = 0;
      for (int i = 0; i < 20_000; i++) {
        assertThat(good(r.next())).isEqualTo(new Row("t" + i, i % 2 == 0 ? null : "s1", i));
        assertThat(r.bytesRead()).isGreaterThanOrEqualTo(last);
        last = r.bytesRead();
        if (i == 2_000) {
          // blocks are read as they are needed, not the whole file up front
          assertThat(last).isLessThan(Files.size(file) / 2);
        }
      }
      assertThat(r.next()).isNull();
      assertThat(r.bytesRead()).isEqualTo(Files.size(file));
    }
  }

  @Test
  void aCodecNotReadHereIsNamedWithWhatToUseInstead() throws IOException {
    Path file = ScoreFiles.avroHeaderOnly(dir.resolve("b.avro"), ScoreFiles.AVRO_SCHEMA, "bzip2");
    assertThatThrownBy(() -> AvroScoreReader.open(file, ScoreColumns.DEFAULT))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("bzip2 codec")
        .hasMessageContaining("snappy, deflate, zstandard");
  }

  @Test
  void aMissingOrMistypedFieldIsNamedBeforeAnyRowIsRead() throws IOException {
    assertThatThrownBy(
            () ->
                read(
                    schema(
                        "{\"name\":\"track\",\"type\":\"string\"},"
                            + "{\"name\":\"p\",\"type\":\"double\"}"),
                    List.of(row("track", "t1", "p", 1.0))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no field 'score'")
        .hasMessageContaining("fields: track, p");
    assertThatThrownBy(
            () ->
                read(
                    schema(
                        "{\"name\":\"track\",\"type\":\"string\"},"
                            + "{\"name\":\"score\",\"type\":[\"null\",\"boolean\"]}"),
                    List.of(row("track", "t1", "score", true))))
        .hasMessageContaining("field 'score' is [\"null\",\"boolean\"]")
        .hasMessageContaining("a score must be a number");
    assertThatThrownBy(
            () ->
                read(
                    schema(
                        "{\"name\":\"track\",\"type\":\"double\"},"
                            + "{\"name\":\"score\",\"type\":\"double\"}"),
                    List.of(row("track", 1.0, "score", 1.0))))
        .hasMessageContaining("an id must be a string");
  }

  @Test
  void aFileThatIsNotAvroIsAnIoError() throws IOException {
    Path csv = Files.writeString(dir.resolve("x.avro"), "track,segment,score\nt1,,1\n");
    assertThatThrownBy(() -> AvroScoreReader.open(csv, ScoreColumns.DEFAULT))
        .isInstanceOf(IOException.class);
  }
}
