package io.scoregateway.gateway.scorefile;

import io.scoregateway.gateway.scorefile.ScoreRowParser.BadRow;
import io.scoregateway.gateway.scorefile.ScoreRowParser.Parsed;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.apache.avro.file.DataFileStream;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericFixed;
import org.apache.avro.generic.GenericRecord;

/**
 * Streams an Avro object container file block by block (one decompressed block in memory at a
 * time), reusing one record. Reads the {@code null}, {@code deflate}, {@code snappy} and {@code
 * zstandard} codecs. Records are numbered from 1.
 */
public final class AvroScoreReader extends StreamedScoreSource {
  private static final Set<String> CODECS = Set.of("null", "deflate", "snappy", "zstandard");

  private final DataFileStream<GenericRecord> stream;
  private final AvroColumns columns;
  private GenericRecord record;
  private long row;

  private AvroScoreReader(Path file, InputStream in, ScoreColumns names) throws IOException {
    super(
        ScoreFormat.AVRO,
        file.getFileName().toString(),
        Files.size(file),
        new BufferedInputStream(in, 1 << 16));
    // a failure from here on closes the file in open()
    this.stream = new DataFileStream<>(counted, new GenericDatumReader<>());
    try {
      String codec = stream.getMetaString("avro.codec");
      if (codec != null && !CODECS.contains(codec)) {
        throw new IllegalArgumentException(
            "blocks are compressed with the "
                + codec
                + " codec, which load-scores does not read; write the file with snappy, deflate,"
                + " zstandard or no compression");
      }
      this.columns = AvroColumns.resolve(stream.getSchema(), names);
    } catch (RuntimeException e) {
      stream.close();
      throw e;
    }
  }

  /**
   * Opens {@code file} and checks its record schema.
   *
   * @throws IllegalArgumentException when a score field is missing or of a type not accepted, or
   *     the blocks use a codec not read here
   * @throws IOException when it cannot be read or is not an Avro container file
   */
  public static AvroScoreReader open(Path file, ScoreColumns columns) throws IOException {
    InputStream in = Files.newInputStream(file);
    try {
      return new AvroScoreReader(file, in, columns);
    } catch (IOException | RuntimeException e) {
      in.close();
      throw e;
    }
  }

  @Override
  public Parsed next() throws IOException {
    if (!stream.hasNext()) {
      return null;
    }
    record = stream.next(record);
    row++;
    return ScoreRowParser.record(
        row,
        id(record.get(columns.track())),
        columns.segment() < 0 ? null : id(record.get(columns.segment())),
        score(record.get(columns.score())));
  }

  private static String id(Object v) {
    if (v instanceof ByteBuffer b) {
      return StandardCharsets.UTF_8.decode(b.duplicate()).toString();
    }
    return v == null ? null : v.toString();
  }

  private Object score(Object v) {
    if (v instanceof ByteBuffer b) {
      byte[] bytes = new byte[b.remaining()];
      b.duplicate().get(bytes);
      return new BigDecimal(new BigInteger(bytes), columns.scoreScale());
    }
    if (v instanceof GenericFixed f) {
      return new BigDecimal(new BigInteger(f.bytes()), columns.scoreScale());
    }
    return v;
  }

  @Override
  public String locate(BadRow bad) {
    return "row " + bad.line();
  }

  @Override
  public void close() throws IOException {
    stream.close();
  }
}
