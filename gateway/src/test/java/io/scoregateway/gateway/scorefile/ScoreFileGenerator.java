package io.scoregateway.gateway.scorefile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import org.apache.avro.Schema;
import org.apache.avro.file.CodecFactory;
import org.apache.avro.file.DataFileWriter;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.schema.MessageTypeParser;

/**
 * Writes a large deterministic score file, or a directory of part files as Spark leaves them, for
 * measuring {@code load-scores} (docs/load-scores.md). Row {@code i}: track {@code t<i/2>}, every
 * fourth row the default segment (null) else {@code s<i%8>}, a seeded random score in [0, 1).
 *
 * <pre>
 * java -cp gateway/target/test-classes:gateway/target/score-gateway.jar \
 *     io.scoregateway.gateway.scorefile.ScoreFileGenerator parquet 10000000 /tmp/scores.parquet [parts]
 * </pre>
 */
public final class ScoreFileGenerator {
  private ScoreFileGenerator() {}

  public static void main(String[] args) throws IOException {
    if (args.length < 3) {
      System.err.println("usage: parquet|avro ROWS OUT [PARTS]");
      System.exit(2);
    }
    String format = args[0];
    long rows = Long.parseLong(args[1]);
    Path out = Path.of(args[2]);
    int parts = args.length > 3 ? Integer.parseInt(args[3]) : 0;
    long t0 = System.nanoTime();
    Random random = new Random(7);
    if (parts == 0) {
      write(format, out, 0, rows, random);
    } else {
      Files.createDirectories(out);
      long from = 0;
      for (int p = 0; p < parts; p++) {
        long to = rows * (p + 1) / parts;
        String name = String.format("part-%05d-5e1c0a7d-c000.snappy.%s", p, format);
        write(format, out.resolve(name), from, to, random);
        Files.writeString(out.resolve("." + name + ".crc"), "crc");
        from = to;
      }
      Files.writeString(out.resolve("_SUCCESS"), "");
    }
    System.err.printf("wrote %d rows to %s in %.1f s%n", rows, out, (System.nanoTime() - t0) / 1e9);
  }

  private static void write(String format, Path file, long from, long to, Random random)
      throws IOException {
    switch (format) {
      case "parquet" -> parquet(file, from, to, random);
      case "avro" -> avro(file, from, to, random);
      default -> throw new IllegalArgumentException("format " + format);
    }
  }

  private static void parquet(Path file, long from, long to, Random random) throws IOException {
    SimpleGroupFactory groups =
        new SimpleGroupFactory(MessageTypeParser.parseMessageType(ScoreFiles.PARQUET_SCHEMA));
    try (ParquetWriter<Group> w =
        ScoreFiles.parquetWriter(file, ScoreFiles.PARQUET_SCHEMA, CompressionCodecName.SNAPPY, 0)) {
      for (long i = from; i < to; i++) {
        w.write(ScoreFiles.group(groups, row(i, random)));
      }
    }
  }

  private static void avro(Path file, long from, long to, Random random) throws IOException {
    Schema s = new Schema.Parser().parse(ScoreFiles.AVRO_SCHEMA);
    try (DataFileWriter<GenericRecord> w = new DataFileWriter<>(new GenericDatumWriter<>(s))) {
      w.setCodec(CodecFactory.snappyCodec());
      w.create(s, file.toFile());
      GenericRecord r = new GenericData.Record(s);
      for (long i = from; i < to; i++) {
        for (Map.Entry<String, Object> e : row(i, random).entrySet()) {
          r.put(e.getKey(), e.getValue());
        }
        w.append(r);
      }
    }
  }

  private static Map<String, Object> row(long i, Random random) {
    String segment = i % 4 == 0 ? null : "s" + (i % 8);
    return ScoreFiles.row("track", "t" + i / 2, "segment", segment, "score", random.nextDouble());
  }
}
