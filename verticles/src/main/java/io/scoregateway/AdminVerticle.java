package io.scoregateway;

import io.scoregateway.auth.Role;
import io.scoregateway.catalog.CatalogRefresher;
import io.scoregateway.catalog.PacingRefresher;
import io.scoregateway.config.EngineConfig;
import io.scoregateway.exposure.ExposureWriter;
import io.scoregateway.http.AdminRoutes;
import io.scoregateway.http.ExperimentRoutes;
import io.scoregateway.http.HealthRoutes;
import io.scoregateway.http.HistoryRoutes;
import io.scoregateway.http.OpenApiDocument;
import io.scoregateway.http.PortOptions;
import io.scoregateway.http.RouteTable;
import io.scoregateway.http.Routers;
import io.scoregateway.http.SnapshotRoutes;
import io.scoregateway.http.ui.UiAssets;
import io.scoregateway.http.ui.UiRoutes;
import io.scoregateway.redis.RedisConnector;
import io.scoregateway.redis.RedisLink;
import io.scoregateway.redis.RedisLinkOptions;
import io.scoregateway.store.LuaScript;
import io.scoregateway.store.PacingStore;
import io.scoregateway.store.SnapshotEraser;
import io.scoregateway.store.Stores;
import io.scoregateway.telemetry.BreakerGauges;
import io.scoregateway.telemetry.ObservedStores;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.ThreadingModel;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.handler.PlatformHandler;

/**
 * A single instance: keeps the shared catalog and pacing view fresh (on its own connection) and
 * serves the admin port.
 */
public final class AdminVerticle extends VerticleBase {
  private static final int MAX_ADMIN_BODY = 8 * 1024 * 1024;

  /** A pacing refresh unanswered this long counts as a stall. */
  private static final long PACING_STALL_MS = 10_000;

  private final Engine engine;
  private RedisLink link;
  private CatalogRefresher refresher;
  private PacingRefresher pacing;
  private RedisLink pacingLink;

  public AdminVerticle(Engine engine) {
    this.engine = engine;
  }

  @Override
  public Future<?> start() {
    EngineConfig cfg = engine.config();
    RedisConnector redis =
        new RedisConnector(vertx, RedisLinkOptions.of(cfg.redis()), LuaScript.ALL);
    link = redis.link();
    Stores stores = Stores.over(link, cfg.pacing().slotMs(), cfg.pacing().settleMs(), link, 0, 0);
    refresher =
        new CatalogRefresher(vertx, stores, engine.catalog(), redis, cfg.catalogRefreshMs());
    // the refresh has its own connection: a batch of thousands of campaigns takes Redis a while,
    // which must neither count as a stall (failing calls Redis runs anyway: lost leases) nor
    // hold up admin calls
    pacingLink = redis.link(PACING_STALL_MS);
    PacingStore pacingStore =
        Stores.pacing(pacingLink, cfg.pacing().slotMs(), cfg.pacing().settleMs());
    pacing =
        new PacingRefresher(
            vertx,
            ObservedStores.pacing(pacingStore, engine.telemetry()),
            engine.pacing(),
            engine.catalog(),
            engine.clock(),
            cfg.pacing().refreshPeriodMs(),
            cfg.pacing().maxBatch());
    refresher.onChange(pacing::refresh);
    AdminRoutes admin = new AdminRoutes(stores, refresher, engine.clock(), cfg.allocation());
    HealthRoutes health = new HealthRoutes(link, engine.catalog(), engine.readiness());
    engine.readiness().control(link);

    RouteTable router = Routers.create(vertx, engine.telemetry().registry());
    router.get("/health/live").handler(health::live);
    router.get("/health/ready").handler(health::ready);
    OpenApiDocument openapi = new OpenApiDocument();
    router.get("/openapi.yaml").handler(openapi::handle);
    router
        .get("/metrics")
        .handler(
            ctx ->
                ctx.response()
                    .putHeader("content-type", "text/plain; version=0.0.4; charset=utf-8")
                    .end(engine.telemetry().scrape().get()));
    PlatformHandler admins = Routers.auth(engine.auth(), Role.ADMIN);
    router
        .router()
        .route("/admin/*")
        .handler(admins)
        .handler(Routers.jsonBody(HttpMethod.PUT))
        .handler(Routers.body(MAX_ADMIN_BODY, cfg.server().edge().bodyReadMs()));
    router.put("/admin/v1/campaigns/:id").handler(Routers.guarded(admin::putCampaign));
    router.get("/admin/v1/campaigns/:id").handler(Routers.guarded(admin::getCampaign));
    router.delete("/admin/v1/campaigns/:id").handler(Routers.guarded(admin::deleteCampaign));
    router.get("/admin/v1/campaigns").handler(Routers.guarded(admin::listCampaigns));
    HistoryRoutes history = new HistoryRoutes(stores.campaigns(), stores.pacing(), engine.clock());
    router.get("/admin/v1/campaigns/:id/history").handler(Routers.guarded(history::history));
    SnapshotRoutes snapshots =
        new SnapshotRoutes(
            stores.snapshots(),
            new SnapshotEraser(link),
            engine.catalog(),
            Stores.experiments(link));
    router.get("/admin/v1/snapshots").handler(Routers.guarded(snapshots::list));
    router.post("/admin/v1/snapshots/:id/activate").handler(Routers.guarded(snapshots::activate));
    router.delete("/admin/v1/snapshots/:id").handler(Routers.guarded(snapshots::delete));

    ExperimentRoutes experiments =
        new ExperimentRoutes(
            Stores.experiments(link), stores.snapshots(), engine.catalog(), engine.clock());
    router.put("/admin/v1/experiment").handler(Routers.guarded(experiments::start));
    router.get("/admin/v1/experiment").handler(Routers.guarded(experiments::get));
    router.delete("/admin/v1/experiment").handler(Routers.guarded(experiments::stop));

    BreakerGauges.register(engine.telemetry().registry(), engine.readiness()::breakers);
    // records are encoded on the event loops right after their answers, written on a worker
    Future<?> exposures =
        engine.exposures() == null
            ? Future.succeededFuture()
            : vertx.deployVerticle(
                new ExposureWriter(engine.exposures(), cfg.measurement().exposure()),
                new DeploymentOptions().setThreadingModel(ThreadingModel.WORKER));
    Future<Void> ui =
        vertx
            .executeBlocking(UiAssets::load)
            .onSuccess(assets -> UiRoutes.mount(router, assets))
            .mapEmpty();

    link.connect();
    pacingLink.connect();
    return openapi
        .load(vertx)
        .compose(v -> refresher.start())
        .compose(v -> pacing.refresh())
        .onComplete(ar -> pacing.start())
        .compose(v -> ui)
        .compose(v -> exposures)
        .compose(
            v ->
                Routers.listen(
                    vertx,
                    PortOptions.of(cfg.server(), cfg.server().adminPort()),
                    router,
                    engine.listeners(),
                    engine.listeners().admin(),
                    cfg.server().edge().bodyReadMs()));
  }

  @Override
  public Future<?> stop() {
    if (refresher != null) {
      refresher.stop();
    }
    if (pacing != null) {
      pacing.stop();
    }
    if (pacingLink != null) {
      pacingLink.close();
    }
    if (link != null) {
      link.close();
    }
    return Future.succeededFuture();
  }
}
