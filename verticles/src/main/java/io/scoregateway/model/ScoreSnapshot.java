package io.scoregateway.model;

import java.time.Instant;

/**
 * What is known of one score snapshot besides its rows: its state, where its rows came from, how
 * many there were and when each step happened. Values a state has not reached are null.
 *
 * @param rows rows loaded, once complete
 * @param badRows rows the loader refused, once complete
 * @param error why the load failed, once failed
 * @param discard while deleting: its id is freed afterwards (an abandoned load) rather than kept
 *     reserved by a {@link SnapshotState#DELETED} record
 */
public record ScoreSnapshot(
    String id,
    SnapshotState state,
    String source,
    Long rows,
    Long badRows,
    String error,
    Instant startedAt,
    Instant completedAt,
    Instant failedAt,
    Instant deletedAt,
    boolean discard) {

  /** A load that began at {@code at}. */
  public static ScoreSnapshot loading(String id, String source, Instant at) {
    return new ScoreSnapshot(
        id, SnapshotState.LOADING, source, null, null, null, at, null, null, null, false);
  }

  /** A load whose every row landed at {@code at}. */
  public static ScoreSnapshot complete(
      String id, String source, long rows, long badRows, Instant at) {
    return new ScoreSnapshot(
        id, SnapshotState.COMPLETE, source, rows, badRows, null, null, at, null, null, false);
  }

  /** A load abandoned at {@code at} because of {@code error}. */
  public static ScoreSnapshot failed(String id, String source, String error, Instant at) {
    return new ScoreSnapshot(
        id, SnapshotState.FAILED, source, null, null, error, null, null, at, null, false);
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
        rows,
        badRows,
        error,
        startedAt,
        completedAt,
        failedAt,
        deletedAt,
        free);
  }

  /** The record an erased snapshot leaves, keeping its id reserved. */
  public ScoreSnapshot deleted(Instant at) {
    return new ScoreSnapshot(
        id,
        SnapshotState.DELETED,
        source,
        rows,
        badRows,
        error,
        startedAt,
        completedAt,
        failedAt,
        at,
        false);
  }
}
