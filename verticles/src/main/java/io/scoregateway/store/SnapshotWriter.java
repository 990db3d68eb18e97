package io.scoregateway.store;

import io.scoregateway.model.ScoreSnapshot;
import io.scoregateway.model.SnapshotState;
import io.scoregateway.redis.RedisCall;
import io.scoregateway.redis.RedisLink;
import io.vertx.core.Future;
import io.vertx.redis.client.Command;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Bulk writes of one snapshot's rows. Rows are appended ({@code APPEND}) to per-track values so a
 * file may list a track's segments in any order; a batch of rows is one pipelined write. The
 * snapshot is described {@code loading} first and {@code complete} only after every row landed, so
 * it cannot be activated half-written.
 */
public final class SnapshotWriter {
  /** One score row: a null or empty segment means the default segment. */
  public record Row(String track, String segment, double score) {}

  private final RedisLink link;
  private final SnapshotStore snapshots;
  private final String snapshot;
  private Instant startedAt;

  public SnapshotWriter(RedisLink link, String snapshot) {
    this.link = link;
    this.snapshots = new RedisSnapshotStore(link);
    this.snapshot = snapshot;
  }

  /**
   * Starts the load. Fails when the snapshot exists and is complete (snapshots are immutable once
   * written) or deleted (its id stays reserved: gateways cache snapshot rows by id). A snapshot
   * still {@code loading} is an earlier load that died: its rows are discarded and the load starts
   * over, so the id is usable again.
   */
  public Future<Void> begin(String source) {
    return begin(source, null);
  }

  /** {@link #begin(String)} for rows read from a file of {@code format} ({@code parquet}, ...). */
  public Future<Void> begin(String source, String format) {
    return snapshots
        .get(snapshot)
        .compose(
            meta -> {
              if (meta != null && meta.state() != SnapshotState.LOADING) {
                return Future.failedFuture(
                    new IllegalStateException(
                        "snapshot "
                            + snapshot
                            + " already exists (state "
                            + meta.state().wire()
                            + "); snapshots are immutable, load under a new id"));
              }
              Future<Long> discarded =
                  meta == null
                      ? Future.succeededFuture(0L)
                      : new SnapshotEraser(link).erase(snapshot);
              return discarded.compose(
                  n -> {
                    startedAt = Instant.now();
                    return snapshots.describe(
                        ScoreSnapshot.loading(snapshot, source, format, startedAt));
                  });
            });
  }

  /** Appends rows and lists their tracks in the snapshot's manifest, in one pipelined batch. */
  public Future<Void> write(List<Row> rows) {
    List<RedisCall> batch = new ArrayList<>(rows.size() + Keys.MANIFEST_BUCKETS);
    RedisCall[] manifest = new RedisCall[Keys.MANIFEST_BUCKETS];
    for (Row r : rows) {
      int b = Keys.manifestBucket(r.track());
      if (manifest[b] == null) {
        manifest[b] = RedisCall.on(Command.SADD, Keys.manifest(snapshot, b));
      }
      manifest[b].arg(r.track());
    }
    // listed before written, so a key never exists that the eraser cannot find
    for (RedisCall m : manifest) {
      if (m != null) {
        batch.add(m);
      }
    }
    for (Row r : rows) {
      batch.add(
          RedisCall.on(Command.APPEND, Keys.score(snapshot, r.track()))
              .arg(ScoreEntry.encodeRow(r.segment(), r.score())));
    }
    return link.batch(batch).mapEmpty();
  }

  /** Marks the snapshot complete (and so activatable) with its row counts, created now. */
  public Future<Void> complete(String source, long rows, long badRows) {
    return complete(source, null, rows, badRows, null);
  }

  /**
   * Marks the snapshot complete (and so activatable) with its source, row counts and the time its
   * scores were produced ({@code createdAt}; null: now, the end of the load).
   */
  public Future<Void> complete(
      String source, String format, long rows, long badRows, Instant createdAt) {
    Instant now = Instant.now();
    return snapshots.describe(
        ScoreSnapshot.complete(
            snapshot,
            source,
            format,
            rows,
            badRows,
            startedAt,
            now,
            createdAt == null ? now : createdAt));
  }

  /** Records why the load stopped: the snapshot stays incomplete, never activatable. */
  public Future<Void> fail(String source, String error) {
    return snapshots.describe(ScoreSnapshot.failed(snapshot, source, error, Instant.now()));
  }

  public Future<Void> activate() {
    return snapshots.activate(snapshot);
  }
}
