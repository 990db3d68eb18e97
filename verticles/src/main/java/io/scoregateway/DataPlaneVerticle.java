package io.scoregateway;

import io.scoregateway.auth.Role;
import io.scoregateway.http.Routers;
import io.scoregateway.http.ScoreRoutes;
import io.scoregateway.pipeline.ScorePipeline;
import io.scoregateway.store.RedisLink;
import io.scoregateway.store.Stores;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;

/** One per event loop: holds its own Redis connection and serves the data plane port. */
public final class DataPlaneVerticle extends VerticleBase {
  private final Engine engine;
  private RedisLink link;

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
    link = new RedisLink(vertx, cfg.redisOptions());
    Stores stores = Stores.over(link, cfg.pacingSlotMs());
    ScorePipeline pipeline = new ScorePipeline(
        engine.catalog(), stores.scores(), stores.pacing(), stores.frequency(), engine.clock());
    ScoreRoutes scores = new ScoreRoutes(vertx, pipeline, cfg.maxBatch(), cfg.timeoutMs());

    Router router = Routers.create(vertx, cfg.maxBodyBytes());
    router.post("/v1/scores")
        .handler(Routers.auth(engine.auth(), Role.SCORE))
        .handler(Routers.guarded(scores::handle));

    // Redis may come up after us: the link keeps retrying, requests degrade meanwhile
    link.connect();
    return vertx.createHttpServer(new HttpServerOptions().setHost(cfg.host()).setPort(cfg.httpPort()))
        .requestHandler(router)
        .listen();
  }

  @Override
  public Future<?> stop() {
    if (link != null) {
      link.close();
    }
    return Future.succeededFuture();
  }
}
