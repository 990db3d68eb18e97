package io.scoregateway.gateway.cli;

import io.scoregateway.codec.Ids;
import io.scoregateway.store.SnapshotWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code load-scores}: bulk-load a CSV or NDJSON snapshot file. Bad rows are reported and skipped;
 * the snapshot is marked complete only when every good row was written, and activated (with {@code
 * --activate}) only then. Exit 0 on a complete load, 1 when the load failed, 2 for a bad command
 * line or file.
 */
@Command(
    name = "load-scores",
    mixinStandardHelpOptions = true,
    versionProvider = GatewayVersion.class,
    description = "Bulk-load a snapshot file (CSV track,segment,score with header, or NDJSON).")
public final class LoadScoresCommand implements Callable<Integer> {
  static final int BATCH = 2_000;
  static final int IN_FLIGHT = 8;

  @Mixin ConfigOptions options;

  @Option(names = "--file", required = true, description = "CSV or NDJSON file")
  Path file;

  @Option(names = "--snapshot", required = true, description = "snapshot id to create")
  String snapshot;

  @Option(names = "--activate", description = "activate the snapshot after a complete load")
  boolean activate;

  @Option(names = "--format", description = "csv | ndjson (default: from the file extension)")
  String format;

  @Override
  public Integer call() throws InterruptedException {
    if (!Ids.valid(snapshot)) {
      System.err.println(
          "load-scores: invalid --snapshot '" + snapshot + "' (expected [A-Za-z0-9._:-]{1,128})");
      return 2;
    }
    ScoreFormat fmt;
    long size;
    try {
      fmt = ScoreFormat.choose(file, format);
      size = Files.isRegularFile(file) ? Files.size(file) : -1;
    } catch (IllegalArgumentException | IOException e) {
      System.err.println("load-scores: " + e.getMessage());
      return 2;
    }
    try (ScoreFileReader reader = ScoreFileReader.open(file, fmt)) {
      return load(reader, size);
    } catch (NoSuchFileException e) {
      System.err.println("load-scores: no such file " + file);
      return 2;
    } catch (IllegalArgumentException | IOException e) {
      System.err.println("load-scores: " + file + ": " + e.getMessage());
      return 2;
    }
  }

  private int load(ScoreFileReader reader, long size) throws InterruptedException {
    String source = "load-scores " + file.getFileName();
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
        Await.result(writer.begin(source));
      } catch (RuntimeException e) {
        System.err.println("load-scores: " + e.getMessage());
        return 1;
      }
      ProgressBar bar = ProgressBar.onStderr(size);
      ScoreLoader.Outcome out = new ScoreLoader(writer, bar, BATCH, IN_FLIGHT).load(reader);
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
        Await.result(writer.complete(source, out.rows(), out.badRows()));
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
