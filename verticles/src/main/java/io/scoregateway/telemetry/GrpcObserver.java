package io.scoregateway.telemetry;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.StatusCode;
import io.scoregateway.pipeline.HopTimings;
import io.vertx.grpc.common.GrpcStatus;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What {@link RequestObserver} does for HTTP routes, for gRPC methods: names the server span after
 * the method (W3C context comes from the call's metadata), counts calls by method and status code,
 * times them, keeps an in-flight gauge, and logs one structured line per call slower than the
 * threshold. Shared by every event loop.
 */
public final class GrpcObserver {
  private static final Logger SLOW = LoggerFactory.getLogger("io.scoregateway.slow");
  private static final AttributeKey<Long> STATUS_CODE =
      AttributeKey.longKey("rpc.grpc.status_code");

  /** Codes that mean the server failed (OpenTelemetry's rule for gRPC server spans). */
  private static final Set<GrpcStatus> SERVER_ERRORS =
      EnumSet.of(
          GrpcStatus.UNKNOWN,
          GrpcStatus.DEADLINE_EXCEEDED,
          GrpcStatus.UNIMPLEMENTED,
          GrpcStatus.INTERNAL,
          GrpcStatus.UNAVAILABLE,
          GrpcStatus.DATA_LOSS);

  private final MeterRegistry registry;
  private final long slowNanos;
  private final AtomicInteger inFlight = new AtomicInteger();
  private final Map<String, Method> methods = new ConcurrentHashMap<>();

  public GrpcObserver(Telemetry t) {
    this.registry = t.registry();
    this.slowNanos = t.slowRequestMs() * 1_000_000;
    Gauge.builder("gateway.grpc.in.flight", inFlight, AtomicInteger::get)
        .description("gRPC calls being answered")
        .register(registry);
  }

  /** The meters of one method, by its full name ({@code scoregateway.v1.ScoreService/Score}). */
  public Method method(String fullName) {
    return methods.computeIfAbsent(fullName, Method::new);
  }

  /** One method's meters; made once per method, so the label set stays the service's methods. */
  public final class Method {
    private final String name;
    private final String service;
    private final String shortName;
    private final Timer timer;
    private final DistributionSummary batch;
    private final Map<GrpcStatus, Counter> byStatus = new ConcurrentHashMap<>();

    private Method(String name) {
      this.name = name;
      int slash = name.indexOf('/');
      this.service = name.substring(0, slash);
      this.shortName = name.substring(slash + 1);
      this.timer =
          Timer.builder("gateway.grpc.request.duration")
              .description("gRPC call latency, from headers received to status sent")
              .tags("method", name)
              .serviceLevelObjectives(Metrics.LATENCY_BUCKETS)
              .register(registry);
      this.batch = Metrics.batchSize(registry, "grpc " + name);
    }

    /** A call of this method has arrived; runs on its event loop, in its server span. */
    public Call begin() {
      return new Call(this, System.nanoTime(), Span.current());
    }

    private Counter counter(GrpcStatus status) {
      return byStatus.computeIfAbsent(
          status,
          s ->
              Counter.builder("gateway.grpc.requests")
                  .description("gRPC calls by method and status code")
                  .tags("method", name, "code", s.name())
                  .register(registry));
    }
  }

  /** One call, from arrival to its status. */
  public final class Call {
    private final Method method;
    private final long start;
    private final Span span;
    private final SpanContext sc;
    private boolean ended;

    private Call(Method method, long start, Span span) {
      this.method = method;
      this.start = start;
      this.span = span;
      this.sc = span.getSpanContext();
      inFlight.incrementAndGet();
      if (sc.isValid()) {
        span.updateName(method.name);
        span.setAttribute("rpc.system", "grpc");
        span.setAttribute("rpc.service", method.service);
        span.setAttribute("rpc.method", method.shortName);
      }
    }

    /** {@link System#nanoTime()} at arrival. */
    public long start() {
      return start;
    }

    /** The {@code traceparent} of the call's span, for the answer's metadata; null when none. */
    public String traceparent() {
      return sc.isValid()
          ? "00-" + sc.getTraceId() + "-" + sc.getSpanId() + "-" + sc.getTraceFlags().asHex()
          : null;
    }

    /**
     * The call ended with {@code status}; later calls are ignored.
     *
     * @param batch candidates or events in the request, 0 when it was refused before
     * @param timings the hops, null when the pipeline did not run
     * @param outcome {@code ok}, {@code degraded}, ... for the slow-request log; null derives it
     */
    public void end(GrpcStatus status, int batch, HopTimings timings, String outcome) {
      if (ended) {
        return;
      }
      ended = true;
      inFlight.decrementAndGet();
      long nanos = System.nanoTime() - start;
      method.timer.record(nanos, TimeUnit.NANOSECONDS);
      method.counter(status).increment();
      if (batch > 0) {
        method.batch.record(batch);
      }
      if (span.isRecording()) {
        span.setAttribute(STATUS_CODE, (long) status.code);
        if (SERVER_ERRORS.contains(status)) {
          span.setStatus(StatusCode.ERROR, status.name());
        }
      }
      if (slowNanos > 0 && nanos >= slowNanos) {
        SLOW.atWarn()
            .setMessage("slow request")
            .addKeyValue("trace_id", sc.isValid() ? sc.getTraceId() : null)
            .addKeyValue("route", "grpc " + method.name)
            .addKeyValue("status", status.name())
            .addKeyValue("duration_ms", Math.round(nanos / 1_000.0) / 1_000.0)
            .addKeyValue("batch", batch > 0 ? batch : null)
            .addKeyValue("hops", timings == null ? null : timings.serverTiming())
            .addKeyValue(
                "outcome", outcome != null ? outcome : status == GrpcStatus.OK ? "ok" : "error")
            .log();
      }
    }
  }
}
