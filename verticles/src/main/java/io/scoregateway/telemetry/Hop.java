package io.scoregateway.telemetry;

import io.micrometer.core.instrument.Timer;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import io.vertx.core.Future;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * One observed hop to Redis: a child span of whatever span is current (made current while the call
 * is issued, so the Redis client's own span nests beneath it), and a latency timer by operation
 * with an error counter.
 */
final class Hop {
  private final Tracer tracer;
  private final String spanName;
  private final Timer ok;
  private final Timer failed;

  Hop(Telemetry t, String spanName, String operation) {
    this.tracer = t.tracer();
    this.spanName = spanName;
    this.ok = Metrics.redisTimer(t.registry(), operation, "ok");
    this.failed = Metrics.redisTimer(t.registry(), operation, "error");
  }

  <T> Future<T> observe(Consumer<Span> attributes, Supplier<Future<T>> call) {
    Span span = Spans.child(tracer, spanName);
    long start = System.nanoTime();
    Future<T> result;
    if (span.isRecording()) {
      attributes.accept(span);
      Scope scope = span.makeCurrent();
      try {
        result = call.get();
      } finally {
        scope.close();
      }
    } else {
      result = call.get();
    }
    return result.andThen(
        ar -> {
          long nanos = System.nanoTime() - start;
          if (ar.succeeded()) {
            ok.record(nanos, java.util.concurrent.TimeUnit.NANOSECONDS);
          } else {
            failed.record(nanos, java.util.concurrent.TimeUnit.NANOSECONDS);
            span.setStatus(StatusCode.ERROR, String.valueOf(ar.cause().getMessage()));
          }
          span.end();
        });
  }
}
