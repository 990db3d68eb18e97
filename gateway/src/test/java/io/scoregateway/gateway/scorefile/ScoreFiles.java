package io.scoregateway.gateway.scorefile;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.file.CodecFactory;
import org.apache.avro.file.DataFileWriter;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;

/**
 * Writes real Parquet and Avro files with the libraries' own writers, as a pipeline would: rows are
 * column-name maps (an absent or null value is written as null).
 */
public final class ScoreFiles {
  /** Track, optional segment, optional double score: what Spark writes from a typical frame. */
  public static final String PARQUET_SCHEMA =
      "message scores { optional binary track (STRING); optional binary segment (STRING);"
          + " optional double score; }";

  public static final String AVRO_SCHEMA =
      "{\"type\":\"record\",\"name\":\"score\",\"fields\":["
          + "{\"name\":\"track\",\"type\":[\"null\",\"string\"]},"
          + "{\"name\":\"segment\",\"type\":[\"null\",\"string\"],\"default\":null},"
          + "{\"name\":\"score\",\"type\":[\"null\",\"double\",\"string\"]}]}";

  private ScoreFiles() {}

  /** The Parquet schema's writer; {@code rowGroupBytes} 0 keeps the default (128 MB). */
  public static ParquetWriter<Group> parquetWriter(
      Path file, String schema, CompressionCodecName codec, long rowGroupBytes) throws IOException {
    Files.deleteIfExists(file);
    ExampleParquetWriter.Builder b =
        ExampleParquetWriter.builder(new LocalOutputFile(file))
            .withConf(new PlainParquetConfiguration())
            .withType(MessageTypeParser.parseMessageType(schema))
            .withCompressionCodec(codec);
    if (rowGroupBytes > 0) {
      b.withRowGroupSize(rowGroupBytes);
    }
    return b.build();
  }

  public static Path parquet(Path file, String schema, List<Map<String, Object>> rows)
      throws IOException {
    return parquet(file, schema, CompressionCodecName.SNAPPY, 0, rows);
  }

  public static Path parquet(
      Path file,
      String schema,
      CompressionCodecName codec,
      long rowGroupBytes,
      List<Map<String, Object>> rows)
      throws IOException {
    MessageType type = MessageTypeParser.parseMessageType(schema);
    SimpleGroupFactory groups = new SimpleGroupFactory(type);
    try (ParquetWriter<Group> w = parquetWriter(file, schema, codec, rowGroupBytes)) {
      for (Map<String, Object> row : rows) {
        w.write(group(groups, row));
      }
    }
    return file;
  }

  static Group group(SimpleGroupFactory groups, Map<String, Object> row) {
    Group g = groups.newGroup();
    for (Map.Entry<String, Object> e : row.entrySet()) {
      Object v = e.getValue();
      if (v == null) {
        continue;
      }
      String k = e.getKey();
      if (v instanceof String s) {
        g.append(k, s);
      } else if (v instanceof Integer i) {
        g.append(k, i);
      } else if (v instanceof Long l) {
        g.append(k, l);
      } else if (v instanceof Float f) {
        g.append(k, f);
      } else if (v instanceof Double d) {
        g.append(k, d);
      } else if (v instanceof Boolean b) {
        g.append(k, b);
      } else if (v instanceof byte[] bytes) {
        g.append(k, Binary.fromConstantByteArray(bytes));
      } else {
        throw new IllegalArgumentException("no Parquet value for " + v.getClass());
      }
    }
    return g;
  }

  public static Path avro(Path file, String schema, List<Map<String, Object>> rows)
      throws IOException {
    return avro(file, schema, CodecFactory.snappyCodec(), 0, rows);
  }

  /** {@code syncInterval} 0 keeps the default block size. */
  public static Path avro(
      Path file,
      String schema,
      CodecFactory codec,
      int syncInterval,
      List<Map<String, Object>> rows)
      throws IOException {
    Schema s = new Schema.Parser().parse(schema);
    try (DataFileWriter<GenericRecord> w = new DataFileWriter<>(new GenericDatumWriter<>(s))) {
      w.setCodec(codec);
      if (syncInterval > 0) {
        w.setSyncInterval(syncInterval);
      }
      w.create(s, file.toFile());
      for (Map<String, Object> row : rows) {
        GenericRecord r = new GenericData.Record(s);
        row.forEach(r::put);
        w.append(r);
      }
    }
    return file;
  }

  /**
   * An Avro container header naming {@code codec}, with no block: what a writer using a codec this
   * build cannot write (bzip2, xz) begins with.
   */
  public static Path avroHeaderOnly(Path file, String schema, String codec) throws IOException {
    try (OutputStream out = Files.newOutputStream(file)) {
      BinaryEncoder e = EncoderFactory.get().directBinaryEncoder(out, null);
      e.writeFixed(new byte[] {'O', 'b', 'j', 1});
      e.writeMapStart();
      e.setItemCount(2);
      e.startItem();
      e.writeString("avro.schema");
      e.writeBytes(ByteBuffer.wrap(schema.getBytes(StandardCharsets.UTF_8)));
      e.startItem();
      e.writeString("avro.codec");
      e.writeBytes(ByteBuffer.wrap(codec.getBytes(StandardCharsets.UTF_8)));
      e.writeMapEnd();
      e.writeFixed(new byte[16]);
      e.flush();
    }
    return file;
  }

  /** A row map that keeps nulls (Map.of refuses them). */
  public static Map<String, Object> row(Object... keysAndValues) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      m.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return m;
  }
}
