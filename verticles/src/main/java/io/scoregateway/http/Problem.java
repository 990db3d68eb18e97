package io.scoregateway.http;

import io.scoregateway.codec.InvalidInput;
import io.scoregateway.store.CampaignStore;
import io.scoregateway.store.RedisFailures;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** An RFC 9457 problem answer; the one place errors become HTTP. */
public final class Problem extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private static final Logger LOG = LoggerFactory.getLogger(Problem.class);
  public static final String CONTENT_TYPE = "application/problem+json";

  private final ProblemType type;

  public Problem(ProblemType type, String detail) {
    super(detail, null, false, false);
    this.type = type;
  }

  public ProblemType type() {
    return type;
  }

  /** Writes the problem unless the response is already under way. */
  public static void send(RoutingContext ctx, ProblemType type, String detail) {
    send(ctx.response(), type, detail);
  }

  /** Writes the problem on a bare response (before or outside the router). */
  public static void send(HttpServerResponse response, ProblemType type, String detail) {
    if (response.headWritten()) {
      response.reset();
      return;
    }
    JsonObject body =
        new JsonObject()
            .put("type", type.uri())
            .put("title", type.title())
            .put("status", type.status())
            .put("detail", detail);
    response
        .setStatusCode(type.status())
        .putHeader("content-type", CONTENT_TYPE)
        .end(body.toBuffer());
  }

  /** Maps any failure to its problem: expected ones by type, anything else as a logged 500. */
  public static void fail(RoutingContext ctx, Throwable err) {
    if (err instanceof Problem p) {
      send(ctx, p.type, p.getMessage());
    } else if (err instanceof InvalidInput bad) {
      send(ctx, ProblemType.INVALID_REQUEST, bad.getMessage());
    } else if (err instanceof CampaignStore.TrackConflict c) {
      send(ctx, ProblemType.CONFLICT, c.getMessage());
    } else if (err instanceof io.vertx.core.json.DecodeException) {
      send(ctx, ProblemType.INVALID_REQUEST, "body: malformed JSON");
    } else if (RedisFailures.isInfrastructure(err)) {
      send(ctx, ProblemType.UNAVAILABLE, "redis: " + err.getMessage());
    } else {
      LOG.error("unexpected failure on {} {}", ctx.request().method(), ctx.normalizedPath(), err);
      send(ctx, ProblemType.INTERNAL, "unexpected error");
    }
  }
}
