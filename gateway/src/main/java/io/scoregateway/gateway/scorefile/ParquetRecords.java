package io.scoregateway.gateway.scorefile;

import java.math.BigDecimal;
import java.math.BigInteger;
import org.apache.parquet.column.Dictionary;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.Converter;
import org.apache.parquet.io.api.GroupConverter;
import org.apache.parquet.io.api.PrimitiveConverter;
import org.apache.parquet.io.api.RecordMaterializer;
import org.apache.parquet.schema.PrimitiveType;

/**
 * Materializes Parquet records of the {@link ParquetColumns} projection into one reused holder: the
 * ids as strings (null when null), the score as the file holds it. A dictionary-encoded id column
 * is decoded once per dictionary, not once per row, which matters for segments.
 */
final class ParquetRecords extends RecordMaterializer<ParquetRecords> {
  String track;
  String segment;
  Object score;

  private final GroupConverter root;

  ParquetRecords(ParquetColumns columns) {
    Converter[] fields = new Converter[columns.segment() == null ? 2 : 3];
    fields[0] = new IdConverter(columns.track(), v -> track = v);
    fields[1] = new ScoreConverter(columns.score());
    if (columns.segment() != null) {
      fields[2] = new IdConverter(columns.segment(), v -> segment = v);
    }
    this.root =
        new GroupConverter() {
          @Override
          public Converter getConverter(int fieldIndex) {
            return fields[fieldIndex];
          }

          @Override
          public void start() {
            track = null;
            segment = null;
            score = null;
          }

          @Override
          public void end() {}
        };
  }

  @Override
  public ParquetRecords getCurrentRecord() {
    return this;
  }

  @Override
  public GroupConverter getRootConverter() {
    return root;
  }

  /** Where an id goes once decoded. */
  private interface IdSink {
    void set(String value);
  }

  private static final class IdConverter extends PrimitiveConverter {
    private final IdSink sink;
    private final boolean text;
    private String[] dictionary;

    IdConverter(PrimitiveType type, IdSink sink) {
      this.sink = sink;
      this.text = !ParquetColumns.integral(type);
    }

    @Override
    public boolean hasDictionarySupport() {
      return text;
    }

    @Override
    public void setDictionary(Dictionary d) {
      dictionary = new String[d.getMaxId() + 1];
      for (int i = 0; i < dictionary.length; i++) {
        dictionary[i] = d.decodeToBinary(i).toStringUsingUTF8();
      }
    }

    @Override
    public void addValueFromDictionary(int id) {
      sink.set(dictionary[id]);
    }

    @Override
    public void addBinary(Binary value) {
      sink.set(value.toStringUsingUTF8());
    }

    @Override
    public void addInt(int value) {
      sink.set(Integer.toString(value));
    }

    @Override
    public void addLong(long value) {
      sink.set(Long.toString(value));
    }
  }

  private final class ScoreConverter extends PrimitiveConverter {
    private final int scale;

    ScoreConverter(PrimitiveType type) {
      this.scale = ParquetColumns.decimalScale(type);
    }

    @Override
    public void addDouble(double value) {
      score = value;
    }

    @Override
    public void addFloat(float value) {
      score = value;
    }

    @Override
    public void addInt(int value) {
      score = scale < 0 ? Integer.valueOf(value) : BigDecimal.valueOf(value, scale);
    }

    @Override
    public void addLong(long value) {
      score = scale < 0 ? Long.valueOf(value) : BigDecimal.valueOf(value, scale);
    }

    @Override
    public void addBinary(Binary value) {
      score =
          scale < 0
              ? value.toStringUsingUTF8()
              : new BigDecimal(new BigInteger(value.getBytes()), scale);
    }
  }
}
