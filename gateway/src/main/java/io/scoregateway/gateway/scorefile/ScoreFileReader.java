package io.scoregateway.gateway.scorefile;

import io.scoregateway.gateway.scorefile.ScoreRowParser.BadRow;
import io.scoregateway.gateway.scorefile.ScoreRowParser.Parsed;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Streams a score file line by line (never the whole file in memory) and hands out parsed rows or
 * bad rows with 1-based line numbers. Blank lines are skipped. A CSV file must start with the
 * {@code track,segment,score} header (a UTF-8 BOM and {@code \r\n} line ends are tolerated).
 */
public final class ScoreFileReader extends StreamedScoreSource {
  private final BufferedReader reader;
  private long lineNo;

  /**
   * Opens {@code in} and, for CSV, checks the header.
   *
   * @throws IllegalArgumentException when a CSV file has no {@code track,segment,score} header
   */
  public ScoreFileReader(InputStream in, ScoreFormat format) throws IOException {
    this(in, format, "-", -1);
  }

  private ScoreFileReader(InputStream in, ScoreFormat format, String name, long totalBytes)
      throws IOException {
    super(format, name, totalBytes, in);
    this.reader =
        new BufferedReader(new InputStreamReader(counted, StandardCharsets.UTF_8), 1 << 16);
    if (format == ScoreFormat.CSV) {
      String header = reader.readLine();
      lineNo = 1;
      if (header == null || !ScoreRowParser.isCsvHeader(ScoreRowParser.stripBom(header))) {
        close();
        throw new IllegalArgumentException(
            "line 1: expected the CSV header track,segment,score, found "
                + (header == null ? "an empty file" : "'" + abbreviate(header) + "'"));
      }
    }
  }

  public static ScoreFileReader open(Path file, ScoreFormat format) throws IOException {
    return new ScoreFileReader(
        Files.newInputStream(file), format, file.getFileName().toString(), Files.size(file));
  }

  /** The next row or bad row, or null at the end of the file. */
  @Override
  public Parsed next() throws IOException {
    String line;
    while ((line = reader.readLine()) != null) {
      lineNo++;
      if (lineNo == 1) {
        line = ScoreRowParser.stripBom(line);
      }
      if (line.isBlank()) {
        continue;
      }
      return format() == ScoreFormat.CSV
          ? ScoreRowParser.csv(lineNo, line)
          : ScoreRowParser.ndjson(lineNo, line);
    }
    return null;
  }

  @Override
  public String locate(BadRow bad) {
    return "line " + bad.line();
  }

  @Override
  public void close() throws IOException {
    reader.close();
  }

  private static String abbreviate(String s) {
    return s.length() > 60 ? s.substring(0, 60) + "..." : s;
  }
}
