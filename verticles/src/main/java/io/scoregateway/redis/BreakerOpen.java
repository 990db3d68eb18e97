package io.scoregateway.redis;

/** A call refused without touching Redis because the breaker is open; stackless, it is routine. */
public final class BreakerOpen extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public BreakerOpen() {
    super("redis circuit open", null, false, false);
  }
}
