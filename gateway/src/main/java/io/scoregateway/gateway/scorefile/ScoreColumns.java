package io.scoregateway.gateway.scorefile;

import java.util.List;
import java.util.Locale;

/**
 * Which columns of a Parquet or Avro file hold the track id, the segment and the score. The segment
 * column is optional: without it every row scores the default segment.
 */
public record ScoreColumns(String track, String segment, String score) {
  public static final ScoreColumns DEFAULT = new ScoreColumns("track", "segment", "score");

  /**
   * The default names with those {@code spec} renames, e.g. {@code track=track_id,score=p}.
   *
   * @throws IllegalArgumentException naming the part of {@code spec} that is not {@code
   *     track|segment|score=NAME}
   */
  public static ScoreColumns parse(String spec) {
    if (spec == null || spec.isBlank()) {
      return DEFAULT;
    }
    String track = DEFAULT.track;
    String segment = DEFAULT.segment;
    String score = DEFAULT.score;
    for (String part : spec.split(",", -1)) {
      int eq = part.indexOf('=');
      String key = eq < 0 ? "" : part.substring(0, eq).trim().toLowerCase(Locale.ROOT);
      String name = eq < 0 ? "" : part.substring(eq + 1).trim();
      if (name.isEmpty()) {
        throw invalid(part);
      }
      switch (key) {
        case "track" -> track = name;
        case "segment" -> segment = name;
        case "score" -> score = name;
        default -> throw invalid(part);
      }
    }
    return new ScoreColumns(track, segment, score);
  }

  /**
   * Where {@code wanted} is among a file's top-level column names: the exact name, else the one
   * name equal ignoring case; -1 when absent.
   *
   * @throws IllegalArgumentException when several names match ignoring case and none exactly
   */
  static int indexOf(List<String> names, String wanted) {
    int exact = names.indexOf(wanted);
    if (exact >= 0) {
      return exact;
    }
    int found = -1;
    for (int i = 0; i < names.size(); i++) {
      if (names.get(i).equalsIgnoreCase(wanted)) {
        if (found >= 0) {
          throw new IllegalArgumentException(
              "columns " + names.get(found) + " and " + names.get(i) + " both match " + wanted);
        }
        found = i;
      }
    }
    return found;
  }

  private static IllegalArgumentException invalid(String part) {
    return new IllegalArgumentException(
        "--columns: '"
            + part.trim()
            + "' is not track=NAME, segment=NAME or score=NAME (e.g. track=track_id,score=p)");
  }
}
