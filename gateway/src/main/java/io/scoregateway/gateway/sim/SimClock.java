package io.scoregateway.gateway.sim;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** The simulation's clock: it moves only when the simulation moves it. */
final class SimClock extends Clock {
  private volatile long millis;

  SimClock(long startMillis) {
    this.millis = startMillis;
  }

  void set(long t) {
    millis = t;
  }

  @Override
  public long millis() {
    return millis;
  }

  @Override
  public Instant instant() {
    return Instant.ofEpochMilli(millis);
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return this;
  }
}
