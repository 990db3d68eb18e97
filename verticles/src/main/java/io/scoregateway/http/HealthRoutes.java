package io.scoregateway.http;

import io.scoregateway.catalog.LiveCatalog;
import io.scoregateway.redis.RedisLink;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/**
 * Liveness (the process answers) and readiness (Redis answers, scripts and catalog loaded, data
 * plane connected and warm).
 */
public final class HealthRoutes {
  private final RedisLink link;
  private final LiveCatalog catalog;
  private final Readiness dataPlane;

  public HealthRoutes(RedisLink link, LiveCatalog catalog, Readiness dataPlane) {
    this.link = link;
    this.catalog = catalog;
    this.dataPlane = dataPlane;
  }

  public void live(RoutingContext ctx) {
    AdminRoutes.json(ctx, 200, new JsonObject().put("status", "up"));
  }

  public void ready(RoutingContext ctx) {
    boolean redis = link.isConnected();
    boolean loaded = catalog.view().loaded();
    boolean linksUp = dataPlane.linksUp();
    boolean warm = dataPlane.warm();
    boolean ready = redis && loaded && linksUp && warm;
    AdminRoutes.json(
        ctx,
        ready ? 200 : 503,
        new JsonObject()
            .put("status", ready ? "ready" : "not_ready")
            .put("redis", redis ? "connected" : "disconnected")
            .put("catalog", loaded ? "loaded" : "not_loaded")
            .put("data_plane", !linksUp ? "disconnected" : warm ? "warm" : "warming"));
  }
}
