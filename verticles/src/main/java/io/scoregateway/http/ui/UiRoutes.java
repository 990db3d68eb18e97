package io.scoregateway.http.ui;

import io.scoregateway.http.Problem;
import io.scoregateway.http.ProblemType;
import io.scoregateway.http.RouteTable;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;

/**
 * Serves the operations page under {@code /ui/} from {@link UiAssets}. The files need no token
 * (they hold no data); every call the page makes goes to the admin API with the operator's token.
 */
public final class UiRoutes {
  /** The page talks only to its own origin and runs no inline code. */
  static final String CSP =
      "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
          + "connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

  private final UiAssets assets;

  private UiRoutes(UiAssets assets) {
    this.assets = assets;
  }

  /** Adds {@code /ui}, {@code /ui/} and the page's files to the admin port's routes. */
  public static void mount(RouteTable routes, UiAssets assets) {
    UiRoutes ui = new UiRoutes(assets);
    // the route matches "/ui" and "/ui/" alike: only the latter resolves the page's relative links
    routes
        .get("/ui")
        .handler(
            ctx -> {
              if (ctx.normalizedPath().endsWith("/")) {
                ui.serve(ctx, "index.html");
              } else {
                ctx.response().setStatusCode(301).putHeader("location", "/ui/").end();
              }
            });
    routes.get("/ui/:file").handler(ui::serveFile);
    routes.get("/ui/vendor/:pkg/:file").handler(ui::serveFile);
  }

  private void serveFile(RoutingContext ctx) {
    serve(ctx, ctx.normalizedPath().substring("/ui/".length()));
  }

  private void serve(RoutingContext ctx, String name) {
    UiAssets.Asset a = assets.get(name);
    if (a == null) {
      Problem.send(ctx, ProblemType.NOT_FOUND, "path: no such file " + ctx.request().path());
      return;
    }
    HttpServerResponse res =
        ctx.response()
            .putHeader("cache-control", a.cacheControl())
            .putHeader("etag", a.etag())
            .putHeader("x-content-type-options", "nosniff");
    if (a.etag().equals(ctx.request().getHeader("if-none-match"))) {
      res.setStatusCode(304).end();
      return;
    }
    res.putHeader("content-type", a.contentType());
    if (name.endsWith(".html")) {
      res.putHeader("content-security-policy", CSP).putHeader("referrer-policy", "no-referrer");
    }
    res.end(a.body());
  }
}
