package io.scoregateway.telemetry;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Tracer;
import java.util.function.Supplier;

/**
 * What the engine needs to be observable: a tracer for hop spans, a meter registry, the text of
 * {@code /metrics}, and the slow-request threshold.
 *
 * @param scrape renders the registry in the Prometheus text format
 * @param slowRequestMs requests slower than this log one structured line; 0 disables
 */
public record Telemetry(
    Tracer tracer, MeterRegistry registry, Supplier<String> scrape, long slowRequestMs) {
  public static final String INSTRUMENTATION = "io.scoregateway";

  /** No tracing, metrics kept in memory only: for tools and tests that do not observe. */
  public static Telemetry off() {
    return new Telemetry(
        OpenTelemetry.noop().getTracer(INSTRUMENTATION), new SimpleMeterRegistry(), () -> "", 0);
  }
}
