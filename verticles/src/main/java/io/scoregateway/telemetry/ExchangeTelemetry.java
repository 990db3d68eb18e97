package io.scoregateway.telemetry;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.Tracer;
import io.scoregateway.pipeline.ExchangeObserver;
import io.scoregateway.pipeline.ScoreExchange;
import java.util.function.Consumer;

/**
 * The spans of a score exchange's stages ({@code allocation}, {@code response write}, children of
 * the request's span when it is recorded) and, once its answer is written, the counts of its
 * decisions (and the answer's batch size, unless the protocol's own meters record it).
 */
public final class ExchangeTelemetry implements ExchangeObserver {
  private final Tracer tracer;
  private final DecisionMetrics decisions;
  private final Consumer<ScoreExchange> counts;

  public ExchangeTelemetry(Tracer tracer, DecisionMetrics decisions) {
    this(tracer, decisions, decisions::answered);
  }

  private ExchangeTelemetry(
      Tracer tracer, DecisionMetrics decisions, Consumer<ScoreExchange> counts) {
    this.tracer = tracer;
    this.decisions = decisions;
    this.counts = counts;
  }

  /**
   * The same spans and decision counts for answers whose batch size is recorded by their call's own
   * meters (gRPC methods), so the HTTP route's batch summary counts HTTP requests only.
   */
  public ExchangeTelemetry withoutBatchSizes() {
    return new ExchangeTelemetry(tracer, decisions, decisions::decided);
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
    counts.accept(ex);
  }

  private static int promoted(ScoreExchange ex) {
    int n = 0;
    for (int i = 0; i < ex.size(); i++) {
      n += ex.decision(i).promoted() ? 1 : 0;
    }
    return n;
  }
}
