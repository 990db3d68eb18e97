package io.scoregateway.http;

import io.scoregateway.codec.InvalidInput;
import io.scoregateway.redis.RedisFailures;
import io.scoregateway.store.CampaignStore;
import io.vertx.core.Future;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.HttpVersion;
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

  /**
   * Writes the problem unless the response is already under way. A refusal answered before the
   * request's body has arrived closes the connection: otherwise the sender may go on trickling the
   * body it was refused for and keep the connection (and a descriptor) as long as it likes.
   */
  public static void send(RoutingContext ctx, ProblemType type, String detail) {
    if (bodyPending(ctx.request())) {
      sendAndClose(ctx.request(), type, detail);
    } else {
      send(ctx.response(), type, detail);
    }
  }

  /**
   * Writes the problem with {@code Connection: close} and closes the connection once it is written
   * ({@link ClosingConnections}). Vert.x keeps an HTTP/1.1 connection open whatever the answer's
   * headers say, so the close is explicit. HTTP/2 forbids the header and has no connection to give
   * up per request: there only the stream ends.
   */
  public static void sendAndClose(HttpServerRequest req, ProblemType type, String detail) {
    HttpServerResponse response = req.response();
    if (req.version() == HttpVersion.HTTP_2) {
      send(response, type, detail);
      return;
    }
    if (!response.headWritten()) {
      response.putHeader("connection", "close");
    }
    boolean pending = bodyPending(req);
    ClosingConnections.mark(req.connection());
    send(response, type, detail).onComplete(ar -> ClosingConnections.close(req, pending));
  }

  /** Whether the request declares a body that has not (all) arrived yet. */
  static boolean bodyPending(HttpServerRequest req) {
    if (req.isEnded()) {
      return false;
    }
    String length = req.getHeader("content-length");
    return req.getHeader("transfer-encoding") != null
        || (length != null && !length.trim().equals("0"));
  }

  /** Writes the problem on a bare response (before or outside the router). */
  public static Future<Void> send(HttpServerResponse response, ProblemType type, String detail) {
    if (response.headWritten()) {
      response.reset();
      return Future.succeededFuture();
    }
    JsonObject body =
        new JsonObject()
            .put("type", type.uri())
            .put("title", type.title())
            .put("status", type.status())
            .put("detail", detail);
    return response
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
