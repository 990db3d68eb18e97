package io.scoregateway.gateway.cli;

import io.scoregateway.gateway.cli.ScoreRowParser.Parsed;
import java.io.BufferedReader;
import java.io.Closeable;
import java.io.FilterInputStream;
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
public final class ScoreFileReader implements Closeable {
  private final ScoreFormat format;
  private final CountingStream counted;
  private final BufferedReader reader;
  private long lineNo;

  /**
   * Opens {@code in} and, for CSV, checks the header.
   *
   * @throws IllegalArgumentException when a CSV file has no {@code track,segment,score} header
   */
  public ScoreFileReader(InputStream in, ScoreFormat format) throws IOException {
    this.format = format;
    this.counted = new CountingStream(in);
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
    return new ScoreFileReader(Files.newInputStream(file), format);
  }

  /** The next row or bad row, or null at the end of the file. */
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
      return format == ScoreFormat.CSV
          ? ScoreRowParser.csv(lineNo, line)
          : ScoreRowParser.ndjson(lineNo, line);
    }
    return null;
  }

  /** Bytes consumed from the file so far (read ahead by at most the buffer size). */
  public long bytesRead() {
    return counted.count;
  }

  @Override
  public void close() throws IOException {
    reader.close();
  }

  private static String abbreviate(String s) {
    return s.length() > 60 ? s.substring(0, 60) + "..." : s;
  }

  /** Counts bytes as the reader pulls them. */
  private static final class CountingStream extends FilterInputStream {
    private long count;

    CountingStream(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        count++;
      }
      return b;
    }

    @Override
    public int read(byte[] buf, int off, int len) throws IOException {
      int n = super.read(buf, off, len);
      if (n > 0) {
        count += n;
      }
      return n;
    }
  }
}
