package io.scoregateway;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.opentelemetry.api.OpenTelemetry;
import io.scoregateway.auth.Role;
import io.scoregateway.config.EngineConfig;
import io.scoregateway.exposure.ExposureObserver;
import io.scoregateway.exposure.ExposureRecorder;
import io.scoregateway.grpc.GrpcDataPlane;
import io.scoregateway.grpc.GrpcGate;
import io.scoregateway.grpc.GrpcWarmup;
import io.scoregateway.http.ClientConcurrency;
import io.scoregateway.http.ClientRateLimiter;
import io.scoregateway.http.DeliveryRoutes;
import io.scoregateway.http.FailureCounts;
import io.scoregateway.http.HotPathWarmup;
import io.scoregateway.http.LoadShedder;
import io.scoregateway.http.PortOptions;
import io.scoregateway.http.RouteTable;
import io.scoregateway.http.Routers;
import io.scoregateway.http.ScoreRoutes;
import io.scoregateway.pacing.PacingView;
import io.scoregateway.pipeline.DeliveryRecorder;
import io.scoregateway.pipeline.ExchangeObserver;
import io.scoregateway.pipeline.Holdouts;
import io.scoregateway.pipeline.ScorePipeline;
import io.scoregateway.redis.RedisConnector;
import io.scoregateway.redis.RedisLink;
import io.scoregateway.redis.RedisLinkOptions;
import io.scoregateway.store.CachingScoreStore;
import io.scoregateway.store.LuaScript;
import io.scoregateway.store.ScoreStore;
import io.scoregateway.store.Stores;
import io.scoregateway.telemetry.DecisionMetrics;
import io.scoregateway.telemetry.ExchangeTelemetry;
import io.scoregateway.telemetry.GrpcObserver;
import io.scoregateway.telemetry.ObservedStores;
import io.scoregateway.telemetry.Telemetry;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpMethod;

/**
 * One per event loop: holds its own Redis connection and serves the data plane port (and the gRPC
 * port when configured).
 */
public final class DataPlaneVerticle extends VerticleBase {
  /** 1000 events of maximal ids fit; anything larger is refused with 413. */
  private static final int MAX_DELIVERY_BODY = 1024 * 1024;

  /** Deliveries are not on the caller's ranking path: they may wait longer for Redis. */
  private static final long DELIVERY_TIMEOUT_MS = 2_000;

  private final Engine engine;
  private RedisLink link;
  private RedisLink deliveryLink;
  private ExposureRecorder exposures;

  public DataPlaneVerticle(Engine engine) {
    this.engine = engine;
  }

  /** This instance's link, for tests that count round trips. */
  public RedisLink link() {
    return link;
  }

  @Override
  public Future<?> start() {
    EngineConfig cfg = engine.config();
    RedisConnector redis =
        new RedisConnector(vertx, RedisLinkOptions.of(cfg.redis()), LuaScript.ALL);
    link = redis.link();
    // WAIT blocks the connection it is sent on: deliveries that wait for replicas get their own
    // link, so scoring reads never queue behind it
    deliveryLink =
        cfg.deliveries().replicas() > 0
            ? redis.link(RedisConnector.DEFAULT_STALL_MS + cfg.deliveries().waitMs())
            : link;
    Stores stores =
        ObservedStores.wrap(
            Stores.over(
                link,
                cfg.pacing().slotMs(),
                cfg.pacing().settleMs(),
                deliveryLink,
                cfg.deliveries().replicas(),
                cfg.deliveries().waitMs()),
            engine.telemetry());
    ScoreStore scoreStore =
        engine.scoreCache() == null
            ? stores.scores()
            : new CachingScoreStore(stores.scores(), engine.scoreCache());
    ExchangeTelemetry spansAndCounts =
        new ExchangeTelemetry(engine.telemetry().tracer(), engine.decisions());
    // gRPC answers: the same spans and decision counts, their batch sizes in the call's own meters
    ExchangeObserver exchanges = spansAndCounts;
    ExchangeObserver grpcExchanges = spansAndCounts.withoutBatchSizes();
    if (engine.exposures() != null) {
      // both protocols' answers go to this event loop's one recorder
      exposures = new ExposureRecorder(vertx, engine.exposures(), cfg.measurement().exposure());
      exchanges = new ExposureObserver(exchanges, exposures, engine.clock());
      grpcExchanges = new ExposureObserver(grpcExchanges, exposures, engine.clock());
    }
    Holdouts holdouts = new Holdouts(cfg.measurement().surfaceHoldouts());
    ScorePipeline pipeline =
        new ScorePipeline(
            engine.catalog(),
            scoreStore,
            engine.pacing(),
            cfg.pacing().slotMs(),
            stores.frequency(),
            engine.clock(),
            exchanges,
            cfg.allocation(),
            holdouts,
            engine.exposures() != null);
    ScoreRoutes scores =
        new ScoreRoutes(
            vertx, pipeline, cfg.scoring().maxBatch(), cfg.scoring().timeoutMs(), exchanges);
    DeliveryRecorder recorder =
        new DeliveryRecorder(
            engine.catalog(),
            stores.deliveries(),
            engine.pacing(),
            engine.clock(),
            cfg.pacing().settleMs());
    DeliveryRoutes deliveries =
        new DeliveryRoutes(recorder, DELIVERY_TIMEOUT_MS, engine.decisions());

    LoadShedder shedder =
        new LoadShedder(cfg.scoring().maxInFlight(), engine.telemetry().registry());
    ClientRateLimiter limiter = new ClientRateLimiter(cfg.instances());
    ClientConcurrency perClient = new ClientConcurrency(cfg.clientInFlightCap());
    long bodyMs = cfg.server().edge().bodyReadMs();
    RouteTable router = Routers.create(vertx, engine.telemetry().registry());
    router
        .post("/v1/scores")
        .handler(engine.observer().route("POST /v1/scores"))
        .handler(shedder)
        .handler(Routers.auth(engine.auth(), Role.SCORE))
        .handler(perClient)
        .handler(limiter)
        .handler(Routers.jsonBody(HttpMethod.POST))
        .handler(Routers.body(cfg.scoring().maxBodyBytes(), bodyMs))
        .handler(Routers.guarded(scores::handle));
    router
        .post("/v1/deliveries")
        .handler(engine.observer().route("POST /v1/deliveries"))
        .handler(shedder)
        .handler(Routers.auth(engine.auth(), Role.DELIVER))
        .handler(perClient)
        .handler(limiter)
        .handler(Routers.jsonBody(HttpMethod.POST))
        .handler(Routers.body(MAX_DELIVERY_BODY, bodyMs))
        .handler(Routers.guarded(deliveries::handle));

    // Redis may come up after us: the link keeps retrying, requests degrade meanwhile (and
    // readiness stays 503 until this instance's link is up and its hot path warm)
    engine.readiness().register(link);
    link.connect();
    // the warm-up runs the same code on the same connection but leaves no trace later requests
    // would see: no cached score rows, no metrics of answered requests
    // a pacing view of its own that no refresher reports: the warm-up's attempts are no demand;
    // the pipeline's observer too, which records nothing here (the warm-up is not traced, and the
    // answers it writes for itself are not observed)
    ScorePipeline warmPipeline =
        new ScorePipeline(
            engine.catalog(),
            stores.scores(),
            new PacingView(),
            cfg.pacing().slotMs(),
            stores.frequency(),
            engine.clock(),
            exchanges,
            cfg.allocation(),
            holdouts,
            engine.exposures() != null);
    ScoreRoutes warmRoutes =
        new ScoreRoutes(
            vertx,
            warmPipeline,
            cfg.scoring().maxBatch(),
            cfg.scoring().timeoutMs(),
            ExchangeObserver.NONE);
    HotPathWarmup warmup =
        new HotPathWarmup(
            vertx,
            warmRoutes,
            engine.catalog(),
            link,
            engine.readiness(),
            cfg.scoring().maxBatch());
    if (deliveryLink != link) {
      deliveryLink.connect();
    }
    Future<?> http =
        Routers.listen(
            vertx,
            PortOptions.of(cfg.server(), cfg.server().httpPort()),
            router,
            engine.listeners(),
            engine.listeners().data(),
            cfg.server().edge().bodyReadMs());
    if (cfg.server().grpcPort() == 0) {
      warmup.start();
      return http;
    }
    // the same pipeline, recorder and edge bounds as HTTP: one event loop's limits hold for both
    GrpcDataPlane.Parts grpc =
        new GrpcDataPlane.Parts(
            vertx,
            pipeline,
            recorder,
            new GrpcGate(shedder, engine.auth(), perClient, limiter),
            engine.grpcObserver(),
            grpcExchanges,
            engine.decisions(),
            new GrpcDataPlane.Settings(
                cfg.scoring().maxBatch(),
                cfg.scoring().timeoutMs(),
                bodyMs,
                DELIVERY_TIMEOUT_MS,
                Math.max(cfg.scoring().maxBodyBytes(), MAX_DELIVERY_BODY)),
            () -> engine.readiness().ready(engine.catalog()),
            new FailureCounts(engine.telemetry().registry()));
    // the gRPC path warmed too, on a loopback server of its own with the warm-up's parts: its
    // calls are not counted, not traced, report no demand and need no token
    MeterRegistry unread = new SimpleMeterRegistry();
    GrpcDataPlane.Parts warmGrpc =
        new GrpcDataPlane.Parts(
            vertx,
            warmPipeline,
            recorder,
            new GrpcGate(
                new LoadShedder(cfg.scoring().maxInFlight(), unread),
                null,
                new ClientConcurrency(cfg.clientInFlightCap()),
                new ClientRateLimiter(cfg.instances())),
            new GrpcObserver(
                new Telemetry(
                    OpenTelemetry.noop().getTracer(Telemetry.INSTRUMENTATION),
                    unread,
                    () -> "",
                    0)),
            ExchangeObserver.NONE,
            new DecisionMetrics(unread),
            grpc.settings(),
            () -> true,
            new FailureCounts(unread));
    warmup.then(new GrpcWarmup(vertx, warmGrpc)::run).start();
    return Future.all(
        http,
        GrpcDataPlane.listen(
            vertx,
            PortOptions.of(cfg.server(), cfg.server().grpcPort()),
            GrpcDataPlane.server(grpc),
            engine.listeners(),
            engine.listeners().grpc()));
  }

  @Override
  public Future<?> stop() {
    if (exposures != null) {
      exposures.close();
    }
    if (link != null) {
      link.close();
    }
    if (deliveryLink != null && deliveryLink != link) {
      deliveryLink.close();
    }
    return Future.succeededFuture();
  }
}
