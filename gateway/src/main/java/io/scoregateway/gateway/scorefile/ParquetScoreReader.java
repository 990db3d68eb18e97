package io.scoregateway.gateway.scorefile;

import io.scoregateway.gateway.scorefile.ScoreRowParser.BadRow;
import io.scoregateway.gateway.scorefile.ScoreRowParser.Parsed;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.filter2.compat.FilterCompat;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.io.ColumnIOFactory;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.io.MessageColumnIO;
import org.apache.parquet.io.RecordReader;
import org.apache.parquet.schema.MessageType;

/**
 * Streams a Parquet file one row group at a time, reading only the track, segment and score column
 * chunks of that group: memory holds one row group's three columns, whatever the file's size. The
 * file is read through {@link LocalInputFile}, never a Hadoop file system. Rows are numbered from 1
 * across the file.
 */
public final class ParquetScoreReader implements ScoreSource {
  private final ParquetFileReader reader;
  private final String name;
  private final long size;
  private final long totalRows;
  private final MessageColumnIO io;
  private final ParquetRecords records;
  private boolean done;
  private RecordReader<ParquetRecords> rows;
  private long rowsInGroup;
  private long readInGroup;
  private long row;

  private ParquetScoreReader(Path file, ScoreColumns names) throws IOException {
    this.name = file.getFileName().toString();
    this.size = Files.size(file);
    ParquetReadOptions options =
        ParquetReadOptions.builder(new PlainParquetConfiguration()).build();
    try {
      this.reader = ParquetFileReader.open(new LocalInputFile(file), options);
    } catch (RuntimeException e) {
      // the reader reports a file that is not Parquet ("is not a Parquet file") unchecked
      throw new IOException("not a readable Parquet file: " + e.getMessage(), e);
    }
    try {
      MessageType schema = reader.getFileMetaData().getSchema();
      ParquetColumns columns = ParquetColumns.resolve(schema, names);
      reader.setRequestedSchema(columns.projection());
      this.totalRows = reader.getRecordCount();
      this.io =
          new ColumnIOFactory(reader.getFileMetaData().getCreatedBy())
              .getColumnIO(columns.projection(), schema, true);
      this.records = new ParquetRecords(columns);
    } catch (RuntimeException e) {
      reader.close();
      throw e;
    }
  }

  /**
   * Opens {@code file} and checks its score columns.
   *
   * @throws IllegalArgumentException when a score column is missing or of a type not accepted
   * @throws IOException when it cannot be read or is not a Parquet file
   */
  public static ParquetScoreReader open(Path file, ScoreColumns columns) throws IOException {
    return new ParquetScoreReader(file, columns);
  }

  @Override
  public Parsed next() throws IOException {
    while (readInGroup == rowsInGroup) {
      PageReadStore pages = reader.readNextRowGroup();
      if (pages == null) {
        done = true;
        return null;
      }
      rowsInGroup = pages.getRowCount();
      readInGroup = 0;
      rows = io.getRecordReader(pages, records, FilterCompat.NOOP);
    }
    ParquetRecords r = rows.read();
    readInGroup++;
    row++;
    return ScoreRowParser.record(row, r.track, r.segment, r.score);
  }

  @Override
  public ScoreFormat format() {
    return ScoreFormat.PARQUET;
  }

  @Override
  public String name() {
    return name;
  }

  /** The file's size times the share of its rows read (row groups hold similar rows). */
  @Override
  public long bytesRead() {
    if (done || totalRows == 0) {
      return done ? size : 0;
    }
    return Math.round((double) size * row / totalRows);
  }

  @Override
  public long totalBytes() {
    return size;
  }

  @Override
  public String locate(BadRow bad) {
    return "row " + bad.line();
  }

  @Override
  public void close() throws IOException {
    reader.close();
  }
}
