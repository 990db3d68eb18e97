package io.scoregateway.http;

import io.scoregateway.catalog.LiveCatalog;
import io.scoregateway.codec.ExperimentCodec;
import io.scoregateway.model.ScoreSnapshot;
import io.scoregateway.model.SnapshotExperiment;
import io.scoregateway.model.SnapshotState;
import io.scoregateway.store.ExperimentStore;
import io.scoregateway.store.SnapshotStore;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.Instant;

/**
 * The snapshot experiment on the admin API: {@code PUT} starts or changes it, {@code GET} shows it,
 * {@code DELETE} stops it. Each is one atomic write every instance picks up within a catalog
 * refresh; this instance applies it at once.
 */
public final class ExperimentRoutes {
  private final ExperimentStore experiments;
  private final SnapshotStore snapshots;
  private final LiveCatalog catalog;
  private final Clock clock;

  public ExperimentRoutes(
      ExperimentStore experiments, SnapshotStore snapshots, LiveCatalog catalog, Clock clock) {
    this.experiments = experiments;
    this.snapshots = snapshots;
    this.catalog = catalog;
    this.clock = clock;
  }

  public void start(RoutingContext ctx) {
    ContentTypes.requireJson(ctx);
    SnapshotExperiment e =
        ExperimentCodec.parse(JsonBodies.object(ctx), Instant.ofEpochMilli(clock.millis()));
    Future.all(snapshots.get(e.challenger()), snapshots.active())
        .compose(
            all -> {
              ScoreSnapshot meta = all.resultAt(0);
              String active = all.resultAt(1);
              Problem refused = refusal(e, meta, active);
              return refused != null
                  ? Future.<Started>failedFuture(refused)
                  : experiments.start(e).map(new Started(active, meta.producedAt()));
            })
        .onSuccess(
            started -> {
              catalog.experiment(e, started.challengerCreatedAt());
              AdminRoutes.json(ctx, 200, withChampion(e, started.active()));
            })
        .onFailure(ctx::fail);
  }

  public void get(RoutingContext ctx) {
    Future.all(experiments.current(), snapshots.active())
        .compose(
            all -> {
              SnapshotExperiment e = all.resultAt(0);
              return e == null
                  ? Future.<JsonObject>failedFuture(none())
                  : Future.succeededFuture(withChampion(e, all.resultAt(1)));
            })
        .onSuccess(body -> AdminRoutes.json(ctx, 200, body))
        .onFailure(ctx::fail);
  }

  public void stop(RoutingContext ctx) {
    experiments
        .stop()
        .compose(stopped -> stopped ? Future.<Void>succeededFuture() : Future.failedFuture(none()))
        .onSuccess(
            v -> {
              catalog.experiment(null, null);
              ctx.response().setStatusCode(204).end();
            })
        .onFailure(ctx::fail);
  }

  /**
   * Why the challenger cannot be served, or null: it must be complete, have rows, not be active.
   */
  private static Problem refusal(SnapshotExperiment e, ScoreSnapshot meta, String active) {
    String id = e.challenger();
    if (meta == null || meta.state() == SnapshotState.DELETED) {
      return new Problem(ProblemType.NOT_FOUND, "challenger: snapshot " + id + " does not exist");
    }
    if (meta.state() != SnapshotState.COMPLETE) {
      return new Problem(
          ProblemType.CONFLICT,
          "challenger: snapshot "
              + id
              + " is not completely loaded (state "
              + meta.state().wire()
              + ")");
    }
    if (meta.empty()) {
      return new Problem(
          ProblemType.CONFLICT,
          "challenger: snapshot " + id + " has no rows; it would score nothing");
    }
    if (id.equals(active)) {
      return new Problem(
          ProblemType.CONFLICT,
          "challenger: snapshot " + id + " is the active snapshot (the champion) already");
    }
    return null;
  }

  private static JsonObject withChampion(SnapshotExperiment e, String active) {
    return ExperimentCodec.toJson(e).put("champion", active);
  }

  /** A started experiment's champion, and when its challenger's scores were produced. */
  private record Started(String active, Instant challengerCreatedAt) {}

  private static Problem none() {
    return new Problem(ProblemType.NOT_FOUND, "no snapshot experiment is running");
  }
}
