package io.scoregateway.gateway.cli;

import java.nio.file.Path;
import java.util.Locale;

/** The file formats {@code load-scores} reads. */
public enum ScoreFormat {
  CSV,
  NDJSON;

  /**
   * The format named by {@code override} ({@code csv} or {@code ndjson}) when given, else the one
   * implied by the file extension ({@code .csv}, {@code .ndjson}, {@code .jsonl}).
   *
   * @throws IllegalArgumentException when neither names a known format
   */
  public static ScoreFormat choose(Path file, String override) {
    if (override != null && !override.isBlank()) {
      return switch (override.trim().toLowerCase(Locale.ROOT)) {
        case "csv" -> CSV;
        case "ndjson", "jsonl" -> NDJSON;
        default ->
            throw new IllegalArgumentException(
                "unknown --format '" + override + "' (expected csv or ndjson)");
      };
    }
    String name =
        file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
    if (name.endsWith(".csv")) {
      return CSV;
    }
    if (name.endsWith(".ndjson") || name.endsWith(".jsonl")) {
      return NDJSON;
    }
    throw new IllegalArgumentException(
        "cannot tell the format of "
            + file
            + " from its extension (.csv, .ndjson, .jsonl); pass --format csv|ndjson");
  }
}
