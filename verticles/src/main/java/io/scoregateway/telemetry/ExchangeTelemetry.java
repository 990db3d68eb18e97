package io.scoregateway.telemetry;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.Tracer;
import io.scoregateway.pipeline.ExchangeObserver;
import io.scoregateway.pipeline.ScoreExchange;

/**
 * The spans of a score exchange's stages ({@code allocation}, {@code response write}, children of
 * the request's span when it is recorded) and, once its answer is written, the counts of its
 * decisions.
 */
public final class ExchangeTelemetry implements ExchangeObserver {
  private final Tracer tracer;
  private final DecisionMetrics decisions;

  public ExchangeTelemetry(Tracer tracer, DecisionMetrics decisions) {
    this.tracer = tracer;
    this.decisions = decisions;
  }

  @Override
  public void allocation(ScoreExchange ex, int lookedUp, Runnable stage) {
    Span span = Spans.child(tracer, "allocation");
    stage.run();
    if (span.isRecording()) {
      span.setAttribute("gateway.batch.candidates", ex.size())
          .setAttribute("gateway.decisions.looked_up", lookedUp)
          .setAttribute("gateway.decisions.promoted", promoted(ex))
          .end();
    }
  }

  @Override
  public void answer(ScoreExchange ex, Runnable write) {
    Span span = Spans.child(tracer, "response write");
    write.run();
    if (span.isRecording()) {
      span.setAttribute("gateway.batch.candidates", ex.size())
          .setAttribute("gateway.degraded", ex.degraded())
          .end();
    }
    decisions.answered(ex);
  }

  private static int promoted(ScoreExchange ex) {
    int n = 0;
    for (int i = 0; i < ex.size(); i++) {
      n += ex.decision(i).promoted() ? 1 : 0;
    }
    return n;
  }
}
