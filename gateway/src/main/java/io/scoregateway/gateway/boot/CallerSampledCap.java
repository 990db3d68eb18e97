package io.scoregateway.gateway.boot;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.trace.data.LinkData;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import io.opentelemetry.sdk.trace.samplers.SamplingResult;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Caps the traces a caller can force: a request whose incoming {@code traceparent} says "sampled"
 * is traced as the configured sampler decides only while fewer than {@code maxPerSecond} such
 * requests came this second; beyond that it is not recorded. Any client (an unauthenticated one
 * too, since the server span starts before authentication) could otherwise make every request
 * traced. Decisions of the configured sampler on other spans are untouched.
 */
final class CallerSampledCap implements Sampler {
  /** The OpenTelemetry property (env {@code OTEL_TRACES_CALLER_MAX_PER_SECOND}) and its default. */
  static final String PROPERTY = "otel.traces.caller.max.per.second";

  static final int DEFAULT = 100;

  private final Sampler delegate;
  private final int maxPerSecond;

  /** The current second in the high bits, the caller-forced traces taken in it in the low 20. */
  private final AtomicLong window = new AtomicLong(-1L << 20);

  CallerSampledCap(Sampler delegate, int maxPerSecond) {
    this.delegate = delegate;
    this.maxPerSecond = maxPerSecond;
  }

  @Override
  public SamplingResult shouldSample(
      Context parent,
      String traceId,
      String name,
      SpanKind kind,
      Attributes attributes,
      List<LinkData> links) {
    SpanContext p = Span.fromContext(parent).getSpanContext();
    if (p.isValid()
        && p.isRemote()
        && p.isSampled()
        && !admit(System.nanoTime() / 1_000_000_000L)) {
      return SamplingResult.drop();
    }
    return delegate.shouldSample(parent, traceId, name, kind, attributes, links);
  }

  private boolean admit(long nowSecond) {
    while (true) {
      long w = window.get();
      long count = (w >> 20) == nowSecond ? w & 0xFFFFF : 0;
      if (count >= maxPerSecond) {
        return false;
      }
      if (window.compareAndSet(w, (nowSecond << 20) | (count + 1))) {
        return true;
      }
    }
  }

  @Override
  public String getDescription() {
    return "CallerSampledCap{" + maxPerSecond + "/s, " + delegate.getDescription() + "}";
  }
}
