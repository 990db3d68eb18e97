package io.scoregateway.telemetry;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.scoregateway.pipeline.HopTimings;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.PlatformHandler;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The first handler of every data-plane route: names the server span after the route, answers with
 * the request's {@code traceparent}, counts requests by route and status, times them, keeps the
 * in-flight gauge, and logs one structured line for each request slower than the threshold.
 */
public final class RequestObserver {
  /** Routing-context keys the route handlers fill for this observer. */
  public static final String TIMINGS = "gateway.timings";

  public static final String BATCH = "gateway.batch";
  public static final String OUTCOME = "gateway.outcome";

  /** {@link System#nanoTime()} when the request reached the first handler, before its body. */
  public static final String ARRIVED = "gateway.arrived";

  private static final Logger SLOW = LoggerFactory.getLogger("io.scoregateway.slow");

  private final MeterRegistry registry;
  private final long slowNanos;
  private final AtomicInteger inFlight = new AtomicInteger();

  public RequestObserver(Telemetry t) {
    this.registry = t.registry();
    this.slowNanos = t.slowRequestMs() * 1_000_000;
    Gauge.builder("gateway.in.flight", inFlight, AtomicInteger::get)
        .description("Data-plane requests being answered by this event loop")
        .register(registry);
  }

  /** The handler for one route, e.g. {@code POST /v1/scores}; it runs before the body is read. */
  public PlatformHandler route(String route) {
    Timer timer = Metrics.requestTimer(registry, route);
    Map<Integer, Counter> byStatus = new ConcurrentHashMap<>();
    return ctx -> {
      long start = System.nanoTime();
      ctx.put(ARRIVED, start);
      inFlight.incrementAndGet();
      Span span = Span.current();
      SpanContext sc = span.getSpanContext();
      if (sc.isValid()) {
        span.updateName(route);
        span.setAttribute("http.route", route.substring(route.indexOf(' ') + 1));
        ctx.response()
            .putHeader(
                "traceparent",
                "00-" + sc.getTraceId() + "-" + sc.getSpanId() + "-" + sc.getTraceFlags().asHex());
      }
      ctx.addEndHandler(
          v -> {
            inFlight.decrementAndGet();
            long nanos = System.nanoTime() - start;
            int status = ctx.response().getStatusCode();
            timer.record(nanos, TimeUnit.NANOSECONDS);
            byStatus
                .computeIfAbsent(status, code -> Metrics.requests(registry, route, code))
                .increment();
            if (slowNanos > 0 && nanos >= slowNanos) {
              logSlow(ctx, route, status, nanos, sc);
            }
          });
      ctx.next();
    };
  }

  private static void logSlow(
      RoutingContext ctx, String route, int status, long nanos, SpanContext sc) {
    HopTimings timings = ctx.get(TIMINGS);
    Integer batch = ctx.get(BATCH);
    String outcome = ctx.get(OUTCOME);
    SLOW.atWarn()
        .setMessage("slow request")
        .addKeyValue("trace_id", sc.isValid() ? sc.getTraceId() : null)
        .addKeyValue("route", route)
        .addKeyValue("status", status)
        .addKeyValue("duration_ms", Math.round(nanos / 1_000.0) / 1_000.0)
        .addKeyValue("batch", batch)
        .addKeyValue("hops", timings == null ? null : timings.serverTiming())
        .addKeyValue("outcome", outcome == null ? (status < 400 ? "ok" : "error") : outcome)
        .log();
  }
}
