package io.scoregateway.http;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.Map;

/**
 * {@code gateway.failures}: requests a route, a gRPC call or a store failed, by the problem {@link
 * Failures} classified the failure as ({@code internal} = a bug), the same counters for HTTP and
 * gRPC. One per event loop (per router, per gRPC data plane): no synchronisation.
 */
public final class FailureCounts {
  private final MeterRegistry registry;
  private final Map<ProblemType, Counter> counters = new EnumMap<>(ProblemType.class);

  public FailureCounts(MeterRegistry registry) {
    this.registry = registry;
    // registered up front, so an alert on bugs sees 0 rather than nothing
    counter(ProblemType.INTERNAL);
  }

  /** One more failure answered as {@code type}. */
  public void count(ProblemType type) {
    counter(type).increment();
  }

  private Counter counter(ProblemType type) {
    return counters.computeIfAbsent(
        type,
        t ->
            Counter.builder("gateway.failures")
                .description(
                    "Requests a route or store failed, by the problem answered (internal = a bug)")
                .tags("type", t.label())
                .register(registry));
  }
}
