package io.scoregateway.http;

import io.scoregateway.catalog.LiveCatalog;
import io.scoregateway.codec.Ids;
import io.scoregateway.store.SnapshotEraser;
import io.scoregateway.store.SnapshotStore;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Snapshots on the admin API: listing, activation, deletion (and discarding abandoned loads). */
public final class SnapshotRoutes {
  private static final Logger LOG = LoggerFactory.getLogger(SnapshotRoutes.class);

  private final SnapshotStore snapshots;
  private final SnapshotEraser eraser;
  private final LiveCatalog catalog;

  public SnapshotRoutes(SnapshotStore snapshots, SnapshotEraser eraser, LiveCatalog catalog) {
    this.snapshots = snapshots;
    this.eraser = eraser;
    this.catalog = catalog;
  }

  public void list(RoutingContext ctx) {
    Future.all(snapshots.list(), snapshots.active())
        .onSuccess(
            all -> {
              List<JsonObject> snaps = all.resultAt(0);
              String active = all.resultAt(1);
              JsonArray out = new JsonArray();
              for (JsonObject s : snaps) {
                out.add(s.put("active", s.getString("id").equals(active)));
              }
              AdminRoutes.json(
                  ctx, 200, new JsonObject().put("active", active).put("snapshots", out));
            })
        .onFailure(ctx::fail);
  }

  public void activate(RoutingContext ctx) {
    String id = Ids.require("id", ctx.pathParam("id"), "snapshot id");
    existing(id)
        .compose(
            meta -> {
              if (!"complete".equals(meta.getString("state"))) {
                return Future.failedFuture(
                    conflict(
                        "snapshot "
                            + id
                            + " is not completely loaded (state "
                            + meta.getString("state")
                            + ")"));
              }
              if (meta.getLong("rows", -1L) == 0) {
                // every candidate would answer no_score: the same refusal load-scores --activate
                // makes
                return Future.failedFuture(
                    conflict("snapshot " + id + " has no rows; activating it would score nothing"));
              }
              return snapshots.activate(id).map(meta);
            })
        .onSuccess(
            meta -> {
              catalog.activateSnapshot(id);
              AdminRoutes.json(ctx, 200, meta.put("active", true));
            })
        .onFailure(ctx::fail);
  }

  /**
   * 202 at once; the keys go in the background in bounded batches. A complete snapshot leaves a
   * {@code deleted} record, because gateways cache snapshot rows by id and a reused id would serve
   * stale rows; a discarded load (state {@code loading}) leaves nothing, so its id is free again.
   * Deleting a snapshot still {@code deleting} (erasure cut short by a restart) resumes it.
   */
  public void delete(RoutingContext ctx) {
    String id = Ids.require("id", ctx.pathParam("id"), "snapshot id");
    Future.all(existing(id), snapshots.active())
        .compose(
            all -> {
              JsonObject meta = all.resultAt(0);
              if (id.equals(all.resultAt(1))) {
                return Future.failedFuture(
                    conflict("snapshot " + id + " is active; activate another one first"));
              }
              String state = meta.getString("state");
              boolean reserve = !"loading".equals(state) && !meta.getBoolean("discard", false);
              JsonObject deleting = meta.copy().put("state", "deleting").put("discard", !reserve);
              deleting.remove("id");
              return snapshots.describe(id, deleting).map(deleting);
            })
        .onSuccess(
            meta -> {
              AdminRoutes.json(ctx, 202, new JsonObject().put("id", id).put("state", "deleting"));
              erase(id, meta);
            })
        .onFailure(ctx::fail);
  }

  private void erase(String id, JsonObject meta) {
    long started = System.nanoTime();
    eraser
        .erase(id)
        .compose(
            removed -> {
              LOG.info(
                  "snapshot {} erased: {} keys in {} ms",
                  id,
                  removed,
                  (System.nanoTime() - started) / 1_000_000);
              if (meta.getBoolean("discard")) {
                return snapshots.forget(id);
              }
              JsonObject tombstone =
                  meta.copy().put("state", "deleted").put("deleted_at", Instant.now().toString());
              tombstone.remove("discard");
              return snapshots.describe(id, tombstone);
            })
        .onFailure(
            err ->
                LOG.warn(
                    "erasing snapshot {} stopped ({}); DELETE it again to resume",
                    id,
                    err.getMessage()));
  }

  private Future<JsonObject> existing(String id) {
    return snapshots
        .get(id)
        .compose(
            meta ->
                meta == null || "deleted".equals(meta.getString("state"))
                    ? Future.failedFuture(
                        new Problem(ProblemType.NOT_FOUND, "snapshot " + id + " does not exist"))
                    : Future.succeededFuture(meta));
  }

  private static Problem conflict(String detail) {
    return new Problem(ProblemType.CONFLICT, detail);
  }
}
