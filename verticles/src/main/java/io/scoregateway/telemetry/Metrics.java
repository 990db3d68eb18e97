package io.scoregateway.telemetry;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;

/**
 * Meter definitions in one place: names, help texts, bounded labels, buckets for a 1-50 ms service.
 */
final class Metrics {
  /** Latency buckets: fine around the 1-50 ms a healthy gateway lives in, coarse beyond. */
  static final Duration[] LATENCY_BUCKETS = {
    Duration.ofMillis(1), Duration.ofMillis(2), Duration.ofMillis(3), Duration.ofMillis(5),
    Duration.ofMillis(7), Duration.ofMillis(10), Duration.ofMillis(15), Duration.ofMillis(20),
    Duration.ofMillis(30), Duration.ofMillis(50), Duration.ofMillis(75), Duration.ofMillis(100),
    Duration.ofMillis(250), Duration.ofMillis(1000)
  };

  static final double[] BATCH_BUCKETS = {1, 10, 20, 50, 100, 200, 500, 1000};

  private Metrics() {}

  static Timer redisTimer(MeterRegistry r, String operation, String outcome) {
    return Timer.builder("gateway.redis.duration")
        .description("Redis round trips by operation (one pipelined batch each)")
        .tags("operation", operation, "outcome", outcome)
        .serviceLevelObjectives(LATENCY_BUCKETS)
        .register(r);
  }

  static Timer requestTimer(MeterRegistry r, String route) {
    return Timer.builder("gateway.request.duration")
        .description("Data-plane request latency, from first byte parsed to answer ended")
        .tags("route", route)
        .serviceLevelObjectives(LATENCY_BUCKETS)
        .register(r);
  }

  static Counter requests(MeterRegistry r, String route, int status) {
    return Counter.builder("gateway.requests")
        .description("Data-plane requests by route and HTTP status")
        .tags("route", route, "status", Integer.toString(status))
        .register(r);
  }

  static DistributionSummary batchSize(MeterRegistry r, String route) {
    return DistributionSummary.builder("gateway.batch.size")
        .description("Candidates (scores) or events (deliveries) per request")
        .tags("route", route)
        .serviceLevelObjectives(BATCH_BUCKETS)
        .register(r);
  }

  static Counter decisions(MeterRegistry r, String arm, String reason) {
    return Counter.builder("gateway.decisions")
        .description("Per-candidate decisions by snapshot experiment arm and reason")
        .tags("arm", arm, "reason", reason)
        .register(r);
  }

  static Counter degraded(MeterRegistry r) {
    return Counter.builder("gateway.degraded.answers")
        .description("Score answers with at least one candidate unresolved at the deadline")
        .register(r);
  }

  static Counter deliveries(MeterRegistry r, String outcome) {
    return Counter.builder("gateway.delivery.events")
        .description("Delivery events by outcome (accepted, duplicate, rejected)")
        .tags("outcome", outcome)
        .register(r);
  }
}
