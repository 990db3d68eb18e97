package io.scoregateway.http;

import io.scoregateway.catalog.LiveCatalog;
import io.scoregateway.codec.Ids;
import io.scoregateway.codec.SnapshotCodec;
import io.scoregateway.model.ScoreSnapshot;
import io.scoregateway.model.SnapshotExperiment;
import io.scoregateway.model.SnapshotState;
import io.scoregateway.store.ExperimentStore;
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
  private final ExperimentStore experiments;

  public SnapshotRoutes(
      SnapshotStore snapshots,
      SnapshotEraser eraser,
      LiveCatalog catalog,
      ExperimentStore experiments) {
    this.snapshots = snapshots;
    this.eraser = eraser;
    this.catalog = catalog;
    this.experiments = experiments;
  }

  public void list(RoutingContext ctx) {
    Future.all(snapshots.list(), snapshots.active())
        .onSuccess(
            all -> {
              List<ScoreSnapshot> snaps = all.resultAt(0);
              String active = all.resultAt(1);
              JsonArray out = new JsonArray();
              for (ScoreSnapshot s : snaps) {
                out.add(SnapshotCodec.toApiJson(s).put("active", s.id().equals(active)));
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
              if (meta.state() != SnapshotState.COMPLETE) {
                return Future.failedFuture(
                    conflict(
                        "snapshot "
                            + id
                            + " is not completely loaded (state "
                            + meta.state().wire()
                            + ")"));
              }
              if (meta.empty()) {
                // every candidate would answer no_score: the same refusal load-scores --activate
                // makes
                return Future.failedFuture(
                    conflict("snapshot " + id + " has no rows; activating it would score nothing"));
              }
              return snapshots.activate(id).map(meta);
            })
        .onSuccess(
            meta -> {
              catalog.activateSnapshot(id, meta.producedAt());
              AdminRoutes.json(ctx, 200, SnapshotCodec.toApiJson(meta).put("active", true));
            })
        .onFailure(ctx::fail);
  }

  /**
   * 202 at once; the keys go in the background in bounded batches. A complete snapshot leaves a
   * {@code deleted} record, because gateways cache snapshot rows by id and a reused id would serve
   * stale rows; a discarded load (still loading) leaves nothing, so its id is free again. Deleting
   * a snapshot still {@code deleting} (erasure cut short by a restart) resumes it.
   */
  public void delete(RoutingContext ctx) {
    String id = Ids.require("id", ctx.pathParam("id"), "snapshot id");
    Future.all(existing(id), snapshots.active(), experiments.current())
        .compose(
            all -> {
              ScoreSnapshot meta = all.resultAt(0);
              if (id.equals(all.resultAt(1))) {
                return Future.failedFuture(
                    conflict("snapshot " + id + " is active; activate another one first"));
              }
              SnapshotExperiment running = all.resultAt(2);
              if (running != null && id.equals(running.challenger())) {
                return Future.failedFuture(
                    conflict(
                        "snapshot "
                            + id
                            + " is the challenger of experiment "
                            + running.id()
                            + "; stop or change the experiment first"));
              }
              ScoreSnapshot deleting = meta.deleting();
              return snapshots.describe(deleting).map(deleting);
            })
        .onSuccess(
            meta -> {
              AdminRoutes.json(
                  ctx,
                  202,
                  new JsonObject().put("id", id).put("state", SnapshotState.DELETING.wire()));
              erase(id, meta);
            })
        .onFailure(ctx::fail);
  }

  private void erase(String id, ScoreSnapshot meta) {
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
              return meta.discard()
                  ? snapshots.forget(id)
                  : snapshots.describe(meta.deleted(Instant.now()));
            })
        .onFailure(
            err ->
                LOG.warn(
                    "erasing snapshot {} stopped ({}); DELETE it again to resume",
                    id,
                    err.getMessage()));
  }

  private Future<ScoreSnapshot> existing(String id) {
    return snapshots
        .get(id)
        .compose(
            meta ->
                meta == null || meta.state() == SnapshotState.DELETED
                    ? Future.failedFuture(
                        new Problem(ProblemType.NOT_FOUND, "snapshot " + id + " does not exist"))
                    : Future.succeededFuture(meta));
  }

  private static Problem conflict(String detail) {
    return new Problem(ProblemType.CONFLICT, detail);
  }
}
