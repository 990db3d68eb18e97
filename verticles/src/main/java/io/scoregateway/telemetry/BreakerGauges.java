package io.scoregateway.telemetry;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.scoregateway.redis.BreakerState;
import java.util.Locale;
import java.util.function.ToIntFunction;

/**
 * {@code gateway_redis_breaker{state}}: how many data-plane Redis links have their circuit breaker
 * closed, half open or open. Read at scrape time; nothing on the request path.
 */
public final class BreakerGauges {
  private BreakerGauges() {}

  public static void register(MeterRegistry registry, ToIntFunction<BreakerState> count) {
    for (BreakerState s : BreakerState.values()) {
      Gauge.builder("gateway.redis.breaker", () -> count.applyAsInt(s))
          .description("Data-plane Redis links by circuit breaker state")
          .tag("state", s.name().toLowerCase(Locale.ROOT))
          .register(registry);
    }
  }
}
