package io.scoregateway.telemetry;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.Tracer;

/** Hop spans only where they can be exported. */
public final class Spans {
  private Spans() {}

  /**
   * A child of the current span, or the invalid (no-op) span when the current one is not being
   * recorded: children of an unsampled request are never exported, so most requests skip the span
   * objects and context switches altogether.
   */
  public static Span child(Tracer tracer, String name) {
    return Span.current().isRecording() ? tracer.spanBuilder(name).startSpan() : Span.getInvalid();
  }
}
