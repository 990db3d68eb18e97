package io.scoregateway.http;

import io.micrometer.core.instrument.MeterRegistry;
import io.scoregateway.auth.Role;
import io.scoregateway.auth.TokenAuthenticator;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.PlatformHandler;

/** Router scaffolding shared by both ports: body limits, auth, problem+json for every error. */
public final class Routers {
  private Routers() {}

  /** A router whose failures are answered and counted (in {@code registry}) as problems. */
  public static RouteTable create(Vertx vertx, MeterRegistry registry) {
    Router router = Router.router(vertx);
    RouteTable routes = new RouteTable(router);
    router.route().failureHandler(new FailureHandler(registry));
    router.errorHandler(
        404,
        ctx ->
            Problem.send(ctx, ProblemType.NOT_FOUND, "path: no route for " + ctx.request().path()));
    router.errorHandler(
        405,
        ctx -> {
          String allow = routes.allow(ctx.normalizedPath());
          ctx.response().putHeader("allow", allow);
          Problem.send(
              ctx,
              ProblemType.METHOD_NOT_ALLOWED,
              "method: "
                  + ctx.request().method()
                  + " not allowed on "
                  + ctx.request().path()
                  + " (allowed: "
                  + allow
                  + ")");
        });
    // a path Vert.x cannot normalize (bad percent-encoding such as "/v1/scores%") fails before any
    // route matches, so no failure handler sees it: without this it is a plain-text 400 and an
    // ERROR log line
    router.errorHandler(
        400,
        ctx -> Problem.send(ctx, ProblemType.INVALID_REQUEST, "path: invalid percent-encoding"));
    return routes;
  }

  /**
   * Serves a port: each connection is counted against the port's cap and decoded with {@link
   * StrictFraming} (whose request heads must arrive within {@code headMs} of their first byte);
   * every request passes {@link RequestFront}'s checks before the router, and requests the HTTP
   * codec cannot parse get problem+json too.
   */
  public static Future<HttpServer> listen(
      Vertx vertx,
      HttpServerOptions options,
      RouteTable routes,
      Listeners listeners,
      ConnectionCap cap,
      long headMs) {
    HttpServerOptions o =
        options
            .setMaxInitialLineLength(RequestFront.CODEC_MAX_LINE)
            .setMaxHeaderSize(RequestFront.CODEC_MAX_HEADERS);
    HttpServer server =
        vertx
            .createHttpServer(o)
            .connectionHandler(
                conn -> {
                  if (cap.admit(conn)) {
                    StrictFraming.install(conn, o, headMs);
                  }
                })
            .invalidRequestHandler(RequestFront::invalid)
            .requestHandler(new RequestFront(routes.router()));
    return server.listen().onSuccess(listeners::add);
  }

  /**
   * Reads the body into memory, refusing (413) anything over {@code maxBytes} received or decoded
   * and answering 408 unless all of it arrives within {@code readMs}; gzip and deflate request
   * bodies are decompressed.
   */
  public static Handler<RoutingContext> body(int maxBytes, long readMs) {
    return new BodyReader(maxBytes, readMs);
  }

  /**
   * Auth for a role, or a pass-through when auth is disabled. It runs on the headers, before the
   * body is read, so an unauthenticated caller cannot make the gateway buffer a body.
   */
  public static PlatformHandler auth(TokenAuthenticator auth, Role role) {
    if (auth == null) {
      return RoutingContext::next;
    }
    return new BearerAuth(auth, role);
  }

  /**
   * 415 unless a request of one of these methods declares a JSON body; runs before the body is
   * read, so the content type is refused whatever the body's size.
   */
  public static Handler<RoutingContext> jsonBody(HttpMethod... methods) {
    java.util.Set<HttpMethod> checked = java.util.Set.of(methods);
    return guarded(
        ctx -> {
          if (checked.contains(ctx.request().method())) {
            ContentTypes.requireJson(ctx);
          }
          ctx.next();
        });
  }

  /** Runs a handler, failing the request with anything it throws (answered as its problem). */
  public static Handler<RoutingContext> guarded(Handler<RoutingContext> h) {
    return ctx -> {
      try {
        h.handle(ctx);
      } catch (RuntimeException e) {
        ctx.fail(e);
      }
    };
  }
}
