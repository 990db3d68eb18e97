package io.scoregateway.store;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.List;

/** Score snapshot metadata and the single active-snapshot pointer. */
public interface SnapshotStore {
  /** The active snapshot id, or null when none was activated. */
  Future<String> active();

  /** Every known snapshot with its metadata ({@code id}, {@code state}, {@code rows}, ...). */
  Future<List<JsonObject>> list();

  /** Metadata of one snapshot, or null. */
  Future<JsonObject> get(String id);

  /** Records metadata (the loader marks {@code loading}, then {@code complete}). */
  Future<Void> describe(String id, JsonObject meta);

  /** Removes a snapshot's metadata (after its keys are gone). */
  Future<Void> forget(String id);

  /** Points every gateway at a complete snapshot with one atomic write. */
  Future<Void> activate(String id);
}
