package io.scoregateway.gateway.cli;

import io.scoregateway.codec.Ids;
import io.scoregateway.gateway.scorefile.ScoreColumns;
import io.scoregateway.gateway.scorefile.ScoreSource;
import io.scoregateway.gateway.scorefile.ScoreSources;
import io.scoregateway.store.SnapshotWriter;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code load-scores}: bulk-load a snapshot from a CSV, NDJSON, Parquet or Avro file, or from a
 * directory of part files. Bad rows are reported and skipped; the snapshot is marked complete only
 * when every good row was written, and activated (with {@code --activate}) only then. Exit 0 on a
 * complete load, 1 when the load failed, 2 for a bad command line or file.
 */
@Command(
    name = "load-scores",
    mixinStandardHelpOptions = true,
    versionProvider = GatewayVersion.class,
    description =
        "Bulk-load a snapshot: a CSV (track,segment,score with header), NDJSON, Parquet or Avro"
            + " file, or a directory of part files.")
public final class LoadScoresCommand implements Callable<Integer> {
  static final int BATCH = 2_000;
  static final int IN_FLIGHT = 8;

  /** How far ahead of this machine's clock a producer's clock may be. */
  private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

  @Mixin ConfigOptions options;

  @Option(
      names = "--file",
      required = true,
      description = "a score file, or a directory of part files (part-*.parquet, ...)")
  Path file;

  @Option(names = "--snapshot", required = true, description = "snapshot id to create")
  String snapshot;

  @Option(names = "--activate", description = "activate the snapshot after a complete load")
  boolean activate;

  @Option(
      names = "--format",
      description = "csv | ndjson | parquet | avro (default: from the file extension)")
  String format;

  @Option(
      names = "--columns",
      description =
          "Parquet/Avro columns holding the scores, e.g. track=track_id,score=p"
              + " (default track, segment, score)")
  String columns;

  @Option(
      names = "--created-at",
      description =
          "when the scores were produced (ISO-8601, e.g. 2026-11-28T03:00:00Z); the snapshot's age"
              + " counts from it (default: the end of the load)")
  String createdAt;

  @Override
  public Integer call() throws InterruptedException {
    if (!Ids.valid(snapshot)) {
      System.err.println(
          "load-scores: invalid --snapshot '" + snapshot + "' (expected [A-Za-z0-9._:-]{1,128})");
      return 2;
    }
    Instant created;
    ScoreColumns names;
    try {
      created = createdAt == null ? null : createdAt(createdAt);
      names = ScoreColumns.parse(columns);
    } catch (IllegalArgumentException e) {
      System.err.println("load-scores: " + e.getMessage());
      return 2;
    }
    try (ScoreSource source = ScoreSources.open(file, format, names)) {
      return load(source, created);
    } catch (NoSuchFileException e) {
      System.err.println("load-scores: no such file " + file);
      return 2;
    } catch (IllegalArgumentException | IOException e) {
      System.err.println("load-scores: " + file + ": " + e.getMessage());
      return 2;
    }
  }

  /** An ISO-8601 instant, with {@code Z} or an offset, not in the future. */
  static Instant createdAt(String text) {
    Instant at;
    try {
      at = OffsetDateTime.parse(text.trim()).toInstant();
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          "invalid --created-at '" + text + "' (expected ISO-8601, e.g. 2026-11-28T03:00:00Z)");
    }
    if (at.isAfter(Instant.now().plus(CLOCK_SKEW))) {
      throw new IllegalArgumentException("--created-at " + text + " is in the future");
    }
    return at;
  }

  private int load(ScoreSource input, Instant created) throws InterruptedException {
    String source = input.name();
    String fmt = input.format().wire();
    long t0 = System.nanoTime();
    RedisSession session;
    try {
      session = new RedisSession(options.resolve().engine());
    } catch (IllegalStateException e) {
      System.err.println("load-scores: " + e.getMessage());
      return 1;
    }
    try (session) {
      SnapshotWriter writer = new SnapshotWriter(session.link, snapshot);
      try {
        Await.result(writer.begin(source, fmt));
      } catch (RuntimeException e) {
        System.err.println("load-scores: " + e.getMessage());
        return 1;
      }
      ProgressBar bar = ProgressBar.onStderr(input.totalBytes());
      ScoreLoader.Outcome out = new ScoreLoader(writer, bar, BATCH, IN_FLIGHT).load(input);
      if (out.failure() != null) {
        markFailed(writer, source, out);
        System.err.println(
            "load-scores: load of snapshot "
                + snapshot
                + " failed, not marked complete"
                + (activate ? " and not activated" : "")
                + ": "
                + message(out.failure()));
        return 1;
      }
      try {
        Await.result(writer.complete(source, fmt, out.rows(), out.badRows(), created));
      } catch (RuntimeException e) {
        System.err.println(
            "load-scores: could not mark snapshot " + snapshot + " complete: " + message(e));
        return 1;
      }
      double secs = (System.nanoTime() - t0) / 1e9;
      String activation = "";
      int code = 0;
      if (activate && out.rows() == 0) {
        activation = "; not activated: no rows loaded";
        code = 1;
      } else if (activate) {
        try {
          Await.result(writer.activate());
          activation = "; activated";
        } catch (RuntimeException e) {
          activation = "; activation failed: " + message(e);
          code = 1;
        }
      }
      System.out.printf(
          "loaded %d rows into snapshot %s, %d bad rows, %.1f s, %d rows/s%s%n",
          out.rows(),
          snapshot,
          out.badRows(),
          secs,
          Math.round(out.rows() / Math.max(secs, 1e-9)),
          activation);
      return code;
    }
  }

  /** Best effort: record why the snapshot stays incomplete (it is never activatable either way). */
  private static void markFailed(SnapshotWriter writer, String source, ScoreLoader.Outcome out) {
    try {
      Await.result(writer.fail(source, message(out.failure())));
    } catch (RuntimeException ignored) {
      // Redis may be the reason the load failed; the state then stays "loading".
    }
  }

  private static String message(Throwable t) {
    return t.getMessage() == null ? t.toString() : t.getMessage();
  }
}
