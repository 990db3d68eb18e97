package io.scoregateway.exposure;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.scoregateway.pipeline.ExchangeObserver;
import io.scoregateway.pipeline.ScoreExchange;
import java.time.Clock;

/**
 * Hands every answered exchange to the exposure log, after the observer it wraps (tracing, metrics)
 * has seen the answer written. The answer never waits for the log: its records are encoded once it
 * is on its way.
 */
public final class ExposureObserver implements ExchangeObserver {
  private final ExchangeObserver inner;
  private final ExposureLog log;
  private final Clock clock;

  public ExposureObserver(ExchangeObserver inner, ExposureLog log, Clock clock) {
    this.inner = inner;
    this.log = log;
    this.clock = clock;
  }

  @Override
  public void allocation(ScoreExchange ex, int lookedUp, Runnable stage) {
    inner.allocation(ex, lookedUp, stage);
  }

  @Override
  public void answer(ScoreExchange ex, Runnable write) {
    inner.answer(ex, write);
    SpanContext sc = Span.current().getSpanContext();
    log.offer(ex, sc.isValid() ? sc.getTraceId() : null, clock.millis());
  }
}
