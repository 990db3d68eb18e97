package io.scoregateway.redis;

/** Where a link's circuit breaker stands: calls pass, are refused, or one probe is let through. */
public enum BreakerState {
  CLOSED,
  OPEN,
  HALF_OPEN
}
