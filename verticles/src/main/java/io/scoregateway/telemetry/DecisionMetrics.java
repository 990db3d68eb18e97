package io.scoregateway.telemetry;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.scoregateway.model.Arm;
import io.scoregateway.model.Reason;
import io.scoregateway.pipeline.DeliveryRecorder;
import io.scoregateway.pipeline.ScoreExchange;

/**
 * Per-answer counts: decisions by experiment arm and reason, degraded answers, batch sizes,
 * delivery outcomes.
 */
public final class DecisionMetrics {
  private final Counter[][] byReason = new Counter[Arm.values().length][Reason.values().length];
  private final Counter degraded;
  private final DistributionSummary scoreBatch;
  private final DistributionSummary deliveryBatch;
  private final Counter accepted;
  private final Counter duplicates;
  private final Counter rejected;

  // counters indexed by the reason's position: an array add per decision, no map lookup
  @SuppressWarnings("EnumOrdinal")
  public DecisionMetrics(MeterRegistry r) {
    for (Arm arm : Arm.values()) {
      for (Reason reason : Reason.values()) {
        byReason[arm.ordinal()][reason.ordinal()] = Metrics.decisions(r, arm.wire(), reason.wire());
      }
    }
    degraded = Metrics.degraded(r);
    scoreBatch = Metrics.batchSize(r, "POST /v1/scores");
    deliveryBatch = Metrics.batchSize(r, "POST /v1/deliveries");
    accepted = Metrics.deliveries(r, "accepted");
    duplicates = Metrics.deliveries(r, "duplicate");
    rejected = Metrics.deliveries(r, "rejected");
  }

  /**
   * Counts one answer's decisions, aggregated first so a 1000-candidate answer costs a few adds.
   */
  public void answered(ScoreExchange ex) {
    decided(ex);
    scoreBatch.record(ex.size());
  }

  /** Counts an answer's decisions and whether it was degraded, but not its batch size. */
  @SuppressWarnings("EnumOrdinal")
  public void decided(ScoreExchange ex) {
    Counter[] counters = byReason[ex.arm().ordinal()];
    int[] counts = new int[counters.length];
    for (int i = 0; i < ex.size(); i++) {
      counts[ex.decision(i).reason().ordinal()]++;
    }
    for (int i = 0; i < counts.length; i++) {
      if (counts[i] > 0) {
        counters[i].increment(counts[i]);
      }
    }
    if (ex.degraded()) {
      degraded.increment();
    }
  }

  public void delivered(int events, DeliveryRecorder.Outcome o) {
    deliveryBatch.record(events);
    counted(o);
  }

  /** Counts delivery outcomes, but not the batch size. */
  public void counted(DeliveryRecorder.Outcome o) {
    accepted.increment(o.accepted());
    duplicates.increment(o.duplicates());
    rejected.increment(o.rejected().size());
  }
}
