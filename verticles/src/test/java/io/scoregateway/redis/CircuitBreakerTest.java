package io.scoregateway.redis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class CircuitBreakerTest {
  final AtomicLong now = new AtomicLong();
  final CircuitBreaker breaker = new CircuitBreaker(now::get, 3, 100, 400);

  void advanceMs(long ms) {
    now.addAndGet(ms * 1_000_000);
  }

  @Test
  void opensAfterConsecutiveFailuresOnly() {
    breaker.failure();
    breaker.failure();
    breaker.success();
    breaker.failure();
    breaker.failure();
    assertThat(breaker.state()).isEqualTo(BreakerState.CLOSED);
    breaker.failure();
    assertThat(breaker.state()).isEqualTo(BreakerState.OPEN);
    assertThat(breaker.allow()).isFalse();
  }

  @Test
  void halfOpenLetsExactlyOneProbeThrough() {
    breaker.trip();
    advanceMs(99);
    assertThat(breaker.allow()).isFalse();
    advanceMs(1);
    assertThat(breaker.allow()).isTrue();
    assertThat(breaker.state()).isEqualTo(BreakerState.HALF_OPEN);
    assertThat(breaker.allow()).as("second call while the probe is out").isFalse();
    breaker.success();
    assertThat(breaker.state()).isEqualTo(BreakerState.CLOSED);
    assertThat(breaker.allow()).isTrue();
  }

  @Test
  void failedProbeDoublesTheCooldownUpToTheMaximum() {
    breaker.trip();
    advanceMs(100);
    assertThat(breaker.allow()).isTrue();
    breaker.failure();
    advanceMs(199);
    assertThat(breaker.allow()).as("cooldown doubled to 200 ms").isFalse();
    advanceMs(1);
    assertThat(breaker.allow()).isTrue();
    breaker.failure();
    advanceMs(400);
    assertThat(breaker.allow()).isTrue();
    breaker.failure();
    advanceMs(400);
    assertThat(breaker.allow()).as("capped at 400 ms").isTrue();
    breaker.success();
    breaker.trip();
    advanceMs(100);
    assertThat(breaker.allow()).as("a success resets the cooldown").isTrue();
  }
}
