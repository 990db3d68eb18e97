package io.scoregateway.gateway.cli;

import io.scoregateway.gateway.scorefile.ScoreRowParser.BadRow;
import io.scoregateway.gateway.scorefile.ScoreRowParser.GoodRow;
import io.scoregateway.gateway.scorefile.ScoreRowParser.Parsed;
import io.scoregateway.gateway.scorefile.ScoreSource;
import io.scoregateway.store.SnapshotWriter;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Pumps parsed rows from a {@link ScoreSource} into a {@link SnapshotWriter}: fixed-size batches
 * (one pipelined write each) with a bounded number in flight, so memory stays flat however large
 * the file. Bad rows are reported (the first {@value #SHOWN_BAD_ROWS} in full) and counted. The
 * first failed write stops the load.
 */
final class ScoreLoader {
  static final int SHOWN_BAD_ROWS = 100;

  /** What a load did: rows written, bad rows skipped, and the write or read failure if any. */
  record Outcome(long rows, long badRows, Throwable failure) {}

  private final SnapshotWriter writer;
  private final ProgressBar progress;
  private final int batchSize;
  private final int inFlight;

  ScoreLoader(SnapshotWriter writer, ProgressBar progress, int batchSize, int inFlight) {
    this.writer = writer;
    this.progress = progress;
    this.batchSize = batchSize;
    this.inFlight = inFlight;
  }

  Outcome load(ScoreSource source) throws InterruptedException {
    Semaphore permits = new Semaphore(inFlight);
    AtomicReference<Throwable> failure = new AtomicReference<>();
    List<SnapshotWriter.Row> batch = new ArrayList<>(batchSize);
    long rows = 0;
    long bad = 0;
    try {
      Parsed p;
      while (failure.get() == null && (p = source.next()) != null) {
        if (p instanceof GoodRow g) {
          batch.add(g.row());
          if (batch.size() >= batchSize) {
            rows += send(batch, permits, failure);
            batch = new ArrayList<>(batchSize);
            progress.update(source.bytesRead(), rows);
          }
        } else if (p instanceof BadRow b) {
          bad++;
          if (bad <= SHOWN_BAD_ROWS) {
            progress.message(source.locate(b) + ": " + b.reason());
          }
          if (bad == SHOWN_BAD_ROWS) {
            progress.message("(further bad rows are counted but not shown)");
          }
        }
      }
      if (failure.get() == null && !batch.isEmpty()) {
        rows += send(batch, permits, failure);
      }
    } catch (IOException | RuntimeException e) {
      failure.compareAndSet(null, e);
    }
    permits.acquire(inFlight);
    progress.finish(source.bytesRead(), rows);
    if (bad > SHOWN_BAD_ROWS) {
      progress.message(bad + " bad rows in total (" + (bad - SHOWN_BAD_ROWS) + " not shown)");
    }
    return new Outcome(rows, bad, failure.get());
  }

  private int send(
      List<SnapshotWriter.Row> batch, Semaphore permits, AtomicReference<Throwable> failure)
      throws InterruptedException {
    permits.acquire();
    try {
      writer
          .write(batch)
          .onComplete(
              ar -> {
                if (ar.failed()) {
                  failure.compareAndSet(null, ar.cause());
                }
                permits.release();
              });
    } catch (RuntimeException e) {
      permits.release();
      throw e;
    }
    return batch.size();
  }
}
