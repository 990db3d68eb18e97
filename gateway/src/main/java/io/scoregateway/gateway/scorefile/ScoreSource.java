package io.scoregateway.gateway.scorefile;

import io.scoregateway.gateway.scorefile.ScoreRowParser.BadRow;
import io.scoregateway.gateway.scorefile.ScoreRowParser.Parsed;
import java.io.Closeable;
import java.io.IOException;

/**
 * The rows of a score file or of a directory of part files, streamed: a bounded piece of the input
 * (a buffer, an Avro block, a Parquet row group's score columns) is in memory at a time.
 */
public interface ScoreSource extends Closeable {
  /** The next row or bad row, or null at the end. */
  Parsed next() throws IOException;

  /** The format of the rows. */
  ScoreFormat format();

  /** What the rows come from, for the snapshot's metadata: a file name, or a directory's. */
  String name();

  /** Bytes of input consumed so far, of {@link #totalBytes()} (an estimate within a block). */
  long bytesRead();

  /** The input's size in bytes, -1 when unknown. */
  long totalBytes();

  /**
   * Where a bad row is, for a person to find it: {@code line 7}, {@code part-00003.avro row 12}.
   */
  String locate(BadRow bad);
}
