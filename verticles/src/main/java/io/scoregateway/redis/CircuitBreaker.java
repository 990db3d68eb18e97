package io.scoregateway.redis;

import java.util.function.LongSupplier;

/**
 * Guards one Redis connection: after {@code threshold} consecutive infrastructure failures (or one
 * stall or dropped connection) it opens and calls fail fast; after a cooldown one probe call is let
 * through (half-open): success closes it, failure reopens it with a doubled cooldown. Confined to
 * the owning event loop, so it needs no synchronisation; only its state is read from elsewhere.
 */
final class CircuitBreaker {
  private final LongSupplier nanos;
  private final int threshold;
  private final long minOpenNanos;
  private final long maxOpenNanos;
  // read by readiness on other event loops; written by the owning one only
  private volatile BreakerState state = BreakerState.CLOSED;
  private int failures;
  private long openNanos;
  private long openUntil;
  private boolean probing;

  CircuitBreaker(LongSupplier nanos, int threshold, long minOpenMs, long maxOpenMs) {
    this.nanos = nanos;
    this.threshold = threshold;
    this.minOpenNanos = minOpenMs * 1_000_000;
    this.maxOpenNanos = maxOpenMs * 1_000_000;
    this.openNanos = minOpenNanos;
  }

  BreakerState state() {
    return state;
  }

  /** Whether a call may go to Redis now; in half-open state only the single probe may. */
  boolean allow() {
    return switch (state) {
      case CLOSED -> true;
      case OPEN -> {
        if (nanos.getAsLong() - openUntil < 0) {
          yield false;
        }
        state = BreakerState.HALF_OPEN;
        probing = true;
        yield true;
      }
      case HALF_OPEN -> {
        if (probing) {
          yield false;
        }
        probing = true;
        yield true;
      }
    };
  }

  void success() {
    failures = 0;
    if (state != BreakerState.CLOSED) {
      state = BreakerState.CLOSED;
      probing = false;
      openNanos = minOpenNanos;
    }
  }

  void failure() {
    if (state == BreakerState.HALF_OPEN) {
      openNanos = Math.min(maxOpenNanos, openNanos * 2);
      open();
    } else if (state == BreakerState.CLOSED && ++failures >= threshold) {
      open();
    }
  }

  /** Opens at once (a stall or a dropped connection needs no counting). */
  void trip() {
    if (state == BreakerState.HALF_OPEN) {
      openNanos = Math.min(maxOpenNanos, openNanos * 2);
    }
    open();
  }

  private void open() {
    state = BreakerState.OPEN;
    probing = false;
    failures = 0;
    openUntil = nanos.getAsLong() + openNanos;
  }
}
