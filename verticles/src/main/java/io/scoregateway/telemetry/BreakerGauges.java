package io.scoregateway.telemetry;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.scoregateway.store.CircuitBreaker;
import java.util.Locale;
import java.util.function.ToIntFunction;

/**
 * {@code gateway_redis_breaker{state}}: how many data-plane Redis links have their circuit breaker
 * closed, half open or open. Read at scrape time; nothing on the request path.
 */
public final class BreakerGauges {
  private BreakerGauges() {}

  public static void register(MeterRegistry registry, ToIntFunction<CircuitBreaker.State> count) {
    for (CircuitBreaker.State s : CircuitBreaker.State.values()) {
      Gauge.builder("gateway.redis.breaker", () -> count.applyAsInt(s))
          .description("Data-plane Redis links by circuit breaker state")
          .tag("state", s.name().toLowerCase(Locale.ROOT))
          .register(registry);
    }
  }
}
