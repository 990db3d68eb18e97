package io.scoregateway.gateway.scorefile;

import java.nio.file.Path;
import java.util.Locale;

/** The file formats {@code load-scores} reads, with the extensions that name them. */
public enum ScoreFormat {
  CSV("csv"),
  NDJSON("ndjson"),
  PARQUET("parquet"),
  AVRO("avro");

  private final String wire;

  ScoreFormat(String wire) {
    this.wire = wire;
  }

  /** The lower-case file name endings that imply this format. */
  private String[] extensions() {
    return switch (this) {
      case CSV -> new String[] {".csv"};
      case NDJSON -> new String[] {".ndjson", ".jsonl"};
      case PARQUET -> new String[] {".parquet"};
      case AVRO -> new String[] {".avro"};
    };
  }

  /**
   * The lower-case name ({@code parquet}), as {@code --format} takes it and metadata records it.
   */
  public String wire() {
    return wire;
  }

  /** True for the formats whose columns are typed and found by name (Parquet, Avro). */
  public boolean columnar() {
    return this == PARQUET || this == AVRO;
  }

  /**
   * The format named by {@code override} when given, else the one implied by the file extension.
   *
   * @throws IllegalArgumentException when neither names a known format
   */
  public static ScoreFormat choose(Path file, String override) {
    if (override != null && !override.isBlank()) {
      return parse(override);
    }
    String name = file.getFileName() == null ? "" : file.getFileName().toString();
    ScoreFormat f = ofName(name);
    if (f == null) {
      throw new IllegalArgumentException(
          "cannot tell the format of "
              + file
              + " from its extension (.csv, .ndjson, .jsonl, .parquet, .avro); pass --format"
              + " csv|ndjson|parquet|avro");
    }
    return f;
  }

  /**
   * The format {@code --format} names ({@code jsonl} is NDJSON).
   *
   * @throws IllegalArgumentException when it names none
   */
  public static ScoreFormat parse(String override) {
    String v = override.trim().toLowerCase(Locale.ROOT);
    for (ScoreFormat f : values()) {
      if (f.wire.equals(v)) {
        return f;
      }
    }
    if (v.equals("jsonl")) {
      return NDJSON;
    }
    throw new IllegalArgumentException(
        "unknown --format '" + override + "' (expected csv, ndjson, parquet or avro)");
  }

  /** The format a file name's extension implies (any case), or null. */
  public static ScoreFormat ofName(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    for (ScoreFormat f : values()) {
      for (String ext : f.extensions()) {
        if (lower.endsWith(ext)) {
          return f;
        }
      }
    }
    return null;
  }
}
