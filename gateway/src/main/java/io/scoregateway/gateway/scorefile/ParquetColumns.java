package io.scoregateway.gateway.scorefile;

import java.util.ArrayList;
import java.util.List;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.DecimalLogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;

/**
 * The score columns of one Parquet file, checked against what {@code load-scores} accepts: ids as
 * strings ({@code BINARY}, plain or annotated {@code STRING}/{@code ENUM}) or integers ({@code
 * INT32}, {@code INT64}); the score as {@code DOUBLE}, {@code FLOAT}, {@code INT32}, {@code INT64},
 * a {@code DECIMAL}, or a string holding a number. Only top-level, non-repeated columns qualify.
 *
 * @param projection the file schema cut down to these columns, in the order track, score, segment
 */
record ParquetColumns(
    MessageType projection, PrimitiveType track, PrimitiveType score, PrimitiveType segment) {

  /**
   * @throws IllegalArgumentException naming the column that is missing or of a type not accepted
   */
  static ParquetColumns resolve(MessageType schema, ScoreColumns names) {
    List<String> available = new ArrayList<>();
    for (Type t : schema.getFields()) {
      available.add(t.getName());
    }
    PrimitiveType track = column(schema, available, names.track(), true, "track id");
    PrimitiveType score = column(schema, available, names.score(), true, "score");
    PrimitiveType segment = column(schema, available, names.segment(), false, "segment id");
    checkId(track);
    checkScore(score);
    if (segment != null) {
      checkId(segment);
    }
    List<Type> fields = new ArrayList<>(List.of(track, score));
    if (segment != null) {
      fields.add(segment);
    }
    return new ParquetColumns(new MessageType(schema.getName(), fields), track, score, segment);
  }

  private static PrimitiveType column(
      MessageType schema, List<String> available, String name, boolean required, String what) {
    int i = ScoreColumns.indexOf(available, name);
    if (i < 0) {
      if (!required) {
        return null;
      }
      throw new IllegalArgumentException(
          "no column '"
              + name
              + "' for the "
              + what
              + " (columns: "
              + String.join(", ", available)
              + "); name it with --columns");
    }
    Type t = schema.getType(i);
    if (!t.isPrimitive()) {
      throw new IllegalArgumentException(
          "column '" + t.getName() + "' is a group (" + t + "); the " + what + " must be a value");
    }
    if (t.isRepetition(Type.Repetition.REPEATED)) {
      throw new IllegalArgumentException(
          "column '" + t.getName() + "' is repeated; the " + what + " must be a single value");
    }
    return t.asPrimitiveType();
  }

  private static void checkId(PrimitiveType t) {
    LogicalTypeAnnotation a = t.getLogicalTypeAnnotation();
    boolean ok =
        switch (t.getPrimitiveTypeName()) {
          case BINARY ->
              a == null
                  || a instanceof LogicalTypeAnnotation.StringLogicalTypeAnnotation
                  || a instanceof LogicalTypeAnnotation.EnumLogicalTypeAnnotation;
          case INT32, INT64 ->
              a == null || a instanceof LogicalTypeAnnotation.IntLogicalTypeAnnotation;
          default -> false;
        };
    if (!ok) {
      throw new IllegalArgumentException(
          "column '"
              + t.getName()
              + "' is "
              + t
              + "; an id must be a string (binary, utf8) or an integer (int32, int64)");
    }
  }

  private static void checkScore(PrimitiveType t) {
    LogicalTypeAnnotation a = t.getLogicalTypeAnnotation();
    boolean decimal = a instanceof DecimalLogicalTypeAnnotation;
    boolean ok =
        switch (t.getPrimitiveTypeName()) {
          case DOUBLE, FLOAT -> true;
          case INT32, INT64 ->
              a == null || decimal || a instanceof LogicalTypeAnnotation.IntLogicalTypeAnnotation;
          case BINARY ->
              a == null
                  || decimal
                  || a instanceof LogicalTypeAnnotation.StringLogicalTypeAnnotation;
          case FIXED_LEN_BYTE_ARRAY -> decimal;
          default -> false;
        };
    if (!ok) {
      throw new IllegalArgumentException(
          "column '"
              + t.getName()
              + "' is "
              + t
              + "; a score must be a number (double, float, int32, int64, decimal) or a string"
              + " holding one");
    }
  }

  /** The scale of a {@code DECIMAL} column, -1 for any other. */
  static int decimalScale(PrimitiveType t) {
    return t.getLogicalTypeAnnotation() instanceof DecimalLogicalTypeAnnotation d
        ? d.getScale()
        : -1;
  }

  /** True when the column's values are integers (decoded as such, not as text). */
  static boolean integral(PrimitiveType t) {
    PrimitiveTypeName n = t.getPrimitiveTypeName();
    return n == PrimitiveTypeName.INT32 || n == PrimitiveTypeName.INT64;
  }
}
