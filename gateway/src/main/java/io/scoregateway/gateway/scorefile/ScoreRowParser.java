package io.scoregateway.gateway.scorefile;

import io.scoregateway.codec.Ids;
import io.scoregateway.store.SnapshotWriter;
import io.vertx.core.json.JsonObject;

/**
 * Turns one line of a score file, or one record of a Parquet or Avro file, into a row or a bad row
 * with a reason. Pure: no I/O, no state. CSV lines are {@code track,segment,score} (no quoting: ids
 * cannot contain commas); NDJSON lines are {@code {"track":..,"segment":..,"score":..}} with an
 * optional segment. An empty or absent segment means the default segment.
 */
public final class ScoreRowParser {
  /** The outcome of parsing one line. */
  public sealed interface Parsed permits GoodRow, BadRow {}

  /** A valid row found on {@code line} (1-based; the record number in Parquet and Avro). */
  public record GoodRow(long line, SnapshotWriter.Row row) implements Parsed {}

  /** A rejected line or record (1-based) and why. */
  public record BadRow(long line, String reason) implements Parsed {}

  private static final int SHOWN = 40;

  private ScoreRowParser() {}

  /** Parses one CSV data line (not the header). */
  public static Parsed csv(long line, String text) {
    String[] cols = text.split(",", -1);
    if (cols.length != 3) {
      return new BadRow(line, "expected 3 columns (track,segment,score), found " + cols.length);
    }
    String score = cols[2].trim();
    if (score.isEmpty()) {
      return new BadRow(line, "missing score");
    }
    double value = parseScore(score);
    if (Double.isNaN(value) && !score.equals("NaN")) {
      return new BadRow(line, "score is not a number: " + shown(score));
    }
    return row(line, cols[0].trim(), cols[1].trim(), value, score);
  }

  /** Parses one NDJSON line. */
  public static Parsed ndjson(long line, String text) {
    JsonObject obj;
    try {
      obj = new JsonObject(text);
    } catch (RuntimeException e) { // DecodeException, or a non-object value
      return new BadRow(line, "not a JSON object");
    }
    Object track = obj.getValue("track");
    if (!(track instanceof String t)) {
      return new BadRow(line, track == null ? "missing track" : "track must be a string");
    }
    Object segment = obj.getValue("segment");
    if (segment != null && !(segment instanceof String)) {
      return new BadRow(line, "segment must be a string");
    }
    Object score = obj.getValue("score");
    if (!(score instanceof Number n)) {
      return new BadRow(line, score == null ? "missing score" : "score must be a JSON number");
    }
    return row(
        line,
        t,
        segment == null ? "" : ((String) segment).trim(),
        n.doubleValue(),
        score.toString());
  }

  /**
   * Checks one record of a typed file: ids already as text (null when the value is null), the score
   * as the file holds it (a {@link Number}, text to parse, or null).
   */
  public static Parsed record(long row, String track, String segment, Object score) {
    if (track == null) {
      return new BadRow(row, "missing track (null)");
    }
    if (score == null) {
      return new BadRow(row, "missing score (null)");
    }
    double value;
    String raw;
    if (score instanceof Float f) {
      // the shortest decimal that reads back as this float: 0.1f is stored as 0.1
      raw = f.toString();
      value = Double.parseDouble(raw);
    } else if (score instanceof Number n) {
      value = n.doubleValue();
      raw = score.toString();
    } else {
      raw = score.toString().trim();
      value = parseScore(raw);
      if (raw.isEmpty()) {
        return new BadRow(row, "missing score (empty)");
      }
      if (Double.isNaN(value) && !raw.equals("NaN")) {
        return new BadRow(row, "score is not a number: " + shown(raw));
      }
    }
    return row(row, track.trim(), segment == null ? "" : segment.trim(), value, raw);
  }

  /** True when a CSV line is the {@code track,segment,score} header (any case, any spacing). */
  public static boolean isCsvHeader(String text) {
    String[] cols = text.split(",", -1);
    return cols.length == 3
        && cols[0].trim().equalsIgnoreCase("track")
        && cols[1].trim().equalsIgnoreCase("segment")
        && cols[2].trim().equalsIgnoreCase("score");
  }

  /** Drops a leading UTF-8 byte order mark. */
  public static String stripBom(String text) {
    return !text.isEmpty() && text.charAt(0) == '\uFEFF' ? text.substring(1) : text;
  }

  private static Parsed row(long line, String track, String segment, double score, String raw) {
    if (!Ids.valid(track)) {
      return new BadRow(
          line,
          track.isEmpty()
              ? "missing track id"
              : "invalid track id " + shown(track) + " (expected [A-Za-z0-9._:-]{1,128})");
    }
    if (!segment.isEmpty() && !Ids.valid(segment)) {
      return new BadRow(
          line, "invalid segment id " + shown(segment) + " (expected [A-Za-z0-9._:-]{1,128})");
    }
    if (!Double.isFinite(score)) {
      return new BadRow(line, "score is not a finite number: " + shown(raw));
    }
    if (score < 0) {
      return new BadRow(line, "negative score " + shown(raw));
    }
    // -0.0 would be stored as "-0.0"; store a plain zero.
    return new GoodRow(
        line,
        new SnapshotWriter.Row(
            track, segment.isEmpty() ? null : segment, score == 0 ? 0.0 : score));
  }

  /**
   * A decimal number ({@code 12}, {@code 0.5}, {@code 1e-3}, {@code Infinity}...); NaN when not
   * one.
   */
  private static double parseScore(String s) {
    boolean special = s.equals("NaN") || s.endsWith("Infinity");
    if (!special) {
      for (int i = 0; i < s.length(); i++) {
        char c = s.charAt(i);
        if (!((c >= '0' && c <= '9') || c == '.' || c == 'e' || c == 'E' || c == '+' || c == '-')) {
          return Double.NaN;
        }
      }
    }
    try {
      return Double.parseDouble(s);
    } catch (NumberFormatException e) {
      return Double.NaN;
    }
  }

  private static String shown(String s) {
    return "'" + (s.length() > SHOWN ? s.substring(0, SHOWN) + "..." : s) + "'";
  }
}
