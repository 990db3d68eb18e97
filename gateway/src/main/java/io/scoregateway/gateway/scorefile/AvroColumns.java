package io.scoregateway.gateway.scorefile;

import java.util.ArrayList;
import java.util.List;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;

/**
 * The score fields of one Avro file's record schema, checked against what {@code load-scores}
 * accepts: ids as {@code string}, {@code bytes} (UTF-8), {@code int} or {@code long}; the score as
 * {@code double}, {@code float}, {@code int}, {@code long}, a {@code decimal} ({@code bytes} or
 * {@code fixed}) or a {@code string} holding a number. Any of them may be a union with {@code null}
 * (a null value is a bad row) or of several accepted types.
 *
 * @param segment the segment field's position, -1 when the records have none
 * @param scoreScale the scale of the score's decimal branch, -1 when it has none
 */
record AvroColumns(int track, int score, int segment, int scoreScale) {
  private static final String ID_RULE = "an id must be a string, bytes, int or long";
  private static final String SCORE_RULE =
      "a score must be a number (double, float, int, long, decimal) or a string holding one";

  /**
   * @throws IllegalArgumentException naming the field that is missing or of a type not accepted
   */
  static AvroColumns resolve(Schema schema, ScoreColumns names) {
    if (schema.getType() != Schema.Type.RECORD) {
      throw new IllegalArgumentException(
          "the file holds " + schema.getType().getName() + " values, not records");
    }
    List<String> available = new ArrayList<>();
    for (Schema.Field f : schema.getFields()) {
      available.add(f.name());
    }
    Schema.Field track = field(schema, available, names.track(), true, "track id");
    Schema.Field score = field(schema, available, names.score(), true, "score");
    Schema.Field segment = field(schema, available, names.segment(), false, "segment id");
    check(track, false);
    int scale = check(score, true);
    if (segment != null) {
      check(segment, false);
    }
    return new AvroColumns(track.pos(), score.pos(), segment == null ? -1 : segment.pos(), scale);
  }

  private static Schema.Field field(
      Schema schema, List<String> available, String name, boolean required, String what) {
    int i = ScoreColumns.indexOf(available, name);
    if (i < 0) {
      if (required) {
        throw new IllegalArgumentException(
            "no field '"
                + name
                + "' for the "
                + what
                + " (fields: "
                + String.join(", ", available)
                + "); name it with --columns");
      }
      return null;
    }
    return schema.getFields().get(i);
  }

  /** Checks every branch of a field's type; answers the scale of a decimal branch, or -1. */
  private static int check(Schema.Field f, boolean score) {
    Schema s = f.schema();
    List<Schema> branches = s.getType() == Schema.Type.UNION ? s.getTypes() : List.of(s);
    int scale = -1;
    for (Schema b : branches) {
      boolean decimal = b.getLogicalType() instanceof LogicalTypes.Decimal;
      boolean ok =
          switch (b.getType()) {
            case NULL, INT, LONG, STRING -> true;
            case DOUBLE, FLOAT -> score;
            // bytes carry an id as UTF-8 text, a score only as a decimal
            case BYTES -> score == decimal;
            case FIXED -> score && decimal;
            default -> false;
          };
      if (!ok) {
        throw new IllegalArgumentException(
            "field '" + f.name() + "' is " + s + "; " + (score ? SCORE_RULE : ID_RULE));
      }
      if (decimal) {
        scale = ((LogicalTypes.Decimal) b.getLogicalType()).getScale();
      }
    }
    return scale;
  }
}
