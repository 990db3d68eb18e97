package io.scoregateway.gateway.scorefile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Opens what {@code load-scores --file} names: one score file, or a directory of part files. */
public final class ScoreSources {
  private ScoreSources() {}

  /**
   * Opens {@code path}; the format is {@code override} when given, else the extension's (of the
   * file, or of every part file).
   *
   * @throws IllegalArgumentException for an unknown format, columns named for a text format, or a
   *     file whose header or columns are not those of scores
   * @throws IOException when it cannot be read
   */
  public static ScoreSource open(Path path, String override, ScoreColumns columns)
      throws IOException {
    if (Files.isDirectory(path)) {
      PartFiles parts = PartFiles.list(path, override);
      checkColumns(parts.format(), columns);
      return new PartFileSource(path, parts, columns);
    }
    ScoreFormat format = ScoreFormat.choose(path, override);
    checkColumns(format, columns);
    return openFile(path, format, columns);
  }

  static ScoreSource openFile(Path file, ScoreFormat format, ScoreColumns columns)
      throws IOException {
    return switch (format) {
      case CSV, NDJSON -> ScoreFileReader.open(file, format);
      case PARQUET -> ParquetScoreReader.open(file, columns);
      case AVRO -> AvroScoreReader.open(file, columns);
    };
  }

  private static void checkColumns(ScoreFormat format, ScoreColumns columns) {
    if (!format.columnar() && !columns.equals(ScoreColumns.DEFAULT)) {
      throw new IllegalArgumentException(
          "--columns applies to Parquet and Avro; "
              + format.wire()
              + " files name their columns track, segment, score");
    }
  }
}
