package io.scoregateway.gateway.boot;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import io.opentelemetry.sdk.trace.samplers.SamplingDecision;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A caller cannot force more traces a second than the cap; other spans keep their sampler's say.
 */
class CallerSampledCapTest {
  static final String TRACE = "0af7651916cd43dd8448eb211c80319c";

  static Context remoteParent(boolean sampled) {
    SpanContext sc =
        SpanContext.createFromRemoteParent(
            TRACE,
            "b7ad6b7169203331",
            sampled ? TraceFlags.getSampled() : TraceFlags.getDefault(),
            TraceState.getDefault());
    return Context.root().with(Span.wrap(sc));
  }

  @Test
  void callerForcedTracesAreCappedPerSecond() {
    Sampler capped = new CallerSampledCap(Sampler.parentBased(Sampler.alwaysOff()), 10);
    int sampled = 0;
    for (int i = 0; i < 1_000; i++) {
      SamplingDecision d =
          capped
              .shouldSample(
                  remoteParent(true), TRACE, "POST", SpanKind.SERVER, Attributes.empty(), List.of())
              .getDecision();
      sampled += d == SamplingDecision.RECORD_AND_SAMPLE ? 1 : 0;
    }
    // 1000 calls take well under two seconds: at most two windows' worth
    assertThat(sampled).isBetween(10, 20);
  }

  @Test
  void spansWithoutACallerDecisionKeepTheConfiguredSampler() {
    Sampler capped = new CallerSampledCap(Sampler.alwaysOn(), 0);
    assertThat(
            capped
                .shouldSample(
                    Context.root(), TRACE, "POST", SpanKind.SERVER, Attributes.empty(), List.of())
                .getDecision())
        .isEqualTo(SamplingDecision.RECORD_AND_SAMPLE);
    assertThat(
            capped
                .shouldSample(
                    remoteParent(false),
                    TRACE,
                    "POST",
                    SpanKind.SERVER,
                    Attributes.empty(),
                    List.of())
                .getDecision())
        .isEqualTo(SamplingDecision.RECORD_AND_SAMPLE);
    assertThat(
            capped
                .shouldSample(
                    remoteParent(true),
                    TRACE,
                    "POST",
                    SpanKind.SERVER,
                    Attributes.empty(),
                    List.of())
                .getDecision())
        .isEqualTo(SamplingDecision.DROP);
  }
}
