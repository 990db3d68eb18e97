package io.scoregateway.model;

import java.time.Instant;

/**
 * What is known of one score snapshot besides its rows: its state, where its rows came from, how
 * many there were and when each step happened. Values a state has not reached are null.
 *
 * @param source where the rows came from (a file or directory name, or the tool that wrote them)
 * @param format the source's file format ({@code csv}, {@code ndjson}, {@code parquet}, {@code
 *     avro}), null when the rows did not come from a file
 * @param rows rows loaded, once complete
 * @param badRows rows the loader refused, once complete
 * @param error why the load failed, once failed
 * @param createdAt when the scores were produced, once complete: the time the producing job gave,
 *     else the end of the load; a snapshot's age counts from it
 * @param discard while deleting: its id is freed afterwards (an abandoned load) rather than kept
 *     reserved by a {@link SnapshotState#DELETED} record
 */
public record ScoreSnapshot(
    String id,
    SnapshotState state,
    String source,
    String format,
    Long rows,
    Long badRows,
    String error,
    Instant startedAt,
    Instant completedAt,
    Instant failedAt,
    Instant deletedAt,
    Instant createdAt,
    boolean discard) {

  /** A load that began at {@code at}. */
  public static ScoreSnapshot loading(String id, String source, Instant at) {
    return loading(id, source, null, at);
  }

  /** A load of a {@code format} file that began at {@code at}. */
  public static ScoreSnapshot loading(String id, String source, String format, Instant at) {
    return new ScoreSnapshot(
        id,
        SnapshotState.LOADING,
        source,
        format,
        null,
        null,
        null,
        at,
        null,
        null,
        null,
        null,
        false);
  }

  /** A load whose every row landed at {@code at}, created then. */
  public static ScoreSnapshot complete(
      String id, String source, long rows, long badRows, Instant at) {
    return complete(id, source, null, rows, badRows, null, at, at);
  }

  /**
   * A load that began at {@code startedAt} (null when unknown) and whose every row landed at {@code
   * at}, of scores produced at {@code createdAt}.
   */
  public static ScoreSnapshot complete(
      String id,
      String source,
      String format,
      long rows,
      long badRows,
      Instant startedAt,
      Instant at,
      Instant createdAt) {
    return new ScoreSnapshot(
        id,
        SnapshotState.COMPLETE,
        source,
        format,
        rows,
        badRows,
        null,
        startedAt,
        at,
        null,
        null,
        createdAt,
        false);
  }

  /** A load abandoned at {@code at} because of {@code error}. */
  public static ScoreSnapshot failed(String id, String source, String error, Instant at) {
    return new ScoreSnapshot(
        id,
        SnapshotState.FAILED,
        source,
        null,
        null,
        null,
        error,
        null,
        null,
        at,
        null,
        null,
        false);
  }

  /**
   * When this snapshot's scores were produced: {@link #createdAt()}, or for a snapshot recorded
   * without it, the end of its load; null while it is not complete.
   */
  public Instant producedAt() {
    return createdAt != null ? createdAt : completedAt;
  }

  /** True when it is complete but has no rows: activating it would score nothing. */
  public boolean empty() {
    return rows != null && rows == 0;
  }

  /**
   * This snapshot while its keys are erased. A load still {@link SnapshotState#LOADING} (abandoned)
   * is forgotten once erased, its id free again; anything else stays reserved.
   */
  public ScoreSnapshot deleting() {
    boolean free = state == SnapshotState.LOADING || discard;
    return new ScoreSnapshot(
        id,
        SnapshotState.DELETING,
        source,
        format,
        rows,
        badRows,
        error,
        startedAt,
        completedAt,
        failedAt,
        deletedAt,
        createdAt,
        free);
  }

  /** The record an erased snapshot leaves, keeping its id reserved. */
  public ScoreSnapshot deleted(Instant at) {
    return new ScoreSnapshot(
        id,
        SnapshotState.DELETED,
        source,
        format,
        rows,
        badRows,
        error,
        startedAt,
        completedAt,
        failedAt,
        at,
        createdAt,
        false);
  }
}
