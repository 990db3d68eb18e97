package io.scoregateway.http;

import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A router's failure handler: whatever a route throws or fails with is answered as the problem
 * {@link Failures} classifies it as, and counted in {@code gateway.failures} by problem type. A bug
 * (500) is logged with its stack trace and a request id; the caller gets only the id, to quote. The
 * id is the request's trace id when it is traced, else a fresh one. One per router, so per event
 * loop: the counters need no synchronisation.
 */
final class FailureHandler implements Handler<RoutingContext> {
  private static final Logger LOG = LoggerFactory.getLogger(FailureHandler.class);

  private final FailureCounts failures;

  FailureHandler(MeterRegistry registry) {
    this.failures = new FailureCounts(registry);
  }

  @Override
  public void handle(RoutingContext ctx) {
    Throwable err = ctx.failure();
    if (err == null) {
      byStatus(ctx);
      return;
    }
    Problem problem = Failures.classify(err);
    failures.count(problem.type());
    if (problem.type() != ProblemType.INTERNAL) {
      Problem.send(ctx, problem);
      return;
    }
    String id = requestId();
    LOG.error(
        "unexpected failure on {} {}, request id {}",
        ctx.request().method(),
        ctx.normalizedPath(),
        id,
        err);
    Problem.send(ctx, ProblemType.INTERNAL, "unexpected error; request id " + id);
  }

  /** A failure with a status and no cause: the router's own refusals. */
  private static void byStatus(RoutingContext ctx) {
    switch (ctx.statusCode()) {
      case 413 ->
          Problem.send(
              ctx, ProblemType.PAYLOAD_TOO_LARGE, "body: larger than the limit for this endpoint");
      case 415 ->
          Problem.send(
              ctx, ProblemType.UNSUPPORTED_MEDIA_TYPE, "content-type: expected application/json");
      case 400 -> Problem.send(ctx, ProblemType.INVALID_REQUEST, "body: unreadable request");
      case 404 ->
          Problem.send(ctx, ProblemType.NOT_FOUND, "path: no route for " + ctx.request().path());
      default -> Problem.send(ctx, ProblemType.INTERNAL, "status " + ctx.statusCode());
    }
  }

  private static String requestId() {
    SpanContext trace = Span.current().getSpanContext();
    if (trace.isValid()) {
      return trace.getTraceId();
    }
    return HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
  }
}
