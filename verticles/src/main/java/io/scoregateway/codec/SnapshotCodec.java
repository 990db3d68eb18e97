package io.scoregateway.codec;

import io.scoregateway.model.ScoreSnapshot;
import io.scoregateway.model.SnapshotState;
import io.vertx.core.json.JsonObject;
import java.time.Instant;

/**
 * Snapshot metadata as JSON: the form stored per snapshot id (the id is the hash field, not part of
 * it) and, with the id, the admin API's. Values a snapshot has not reached are left out.
 */
public final class SnapshotCodec {
  private SnapshotCodec() {}

  /** The stored form, without the id. */
  public static JsonObject toJson(ScoreSnapshot s) {
    JsonObject o = new JsonObject().put("state", s.state().wire());
    putIfSet(o, "source", s.source());
    putIfSet(o, "format", s.format());
    putIfSet(o, "rows", s.rows());
    putIfSet(o, "bad_rows", s.badRows());
    putIfSet(o, "error", s.error());
    putIfSet(o, "started_at", s.startedAt());
    putIfSet(o, "completed_at", s.completedAt());
    putIfSet(o, "failed_at", s.failedAt());
    putIfSet(o, "deleted_at", s.deletedAt());
    putIfSet(o, "created_at", s.createdAt());
    if (s.state() == SnapshotState.DELETING) {
      o.put("discard", s.discard());
    }
    return o;
  }

  /** The admin API's form: the id, then the stored fields. */
  public static JsonObject toApiJson(ScoreSnapshot s) {
    return new JsonObject().put("id", s.id()).mergeIn(toJson(s));
  }

  /** The snapshot {@code id} described by its stored form. */
  public static ScoreSnapshot parse(String id, String stored) {
    JsonObject o = new JsonObject(stored);
    return new ScoreSnapshot(
        id,
        SnapshotState.parse(o.getString("state")),
        o.getString("source"),
        o.getString("format"),
        o.getLong("rows"),
        o.getLong("bad_rows"),
        o.getString("error"),
        instant(o, "started_at"),
        instant(o, "completed_at"),
        instant(o, "failed_at"),
        instant(o, "deleted_at"),
        instant(o, "created_at"),
        o.getBoolean("discard", false));
  }

  private static void putIfSet(JsonObject o, String key, Object value) {
    if (value != null) {
      o.put(key, value instanceof Instant t ? t.toString() : value);
    }
  }

  private static Instant instant(JsonObject o, String key) {
    String s = o.getString(key);
    return s == null ? null : Instant.parse(s);
  }
}
