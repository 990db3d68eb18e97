package io.scoregateway.pipeline;

/** Durations of one request's hops, for Server-Timing and the slow-request log. */
public final class HopTimings {
  private final long startNanos;
  private long parseNanos;
  private long gatesNanos;
  private long lookupNanos;
  private long allocateNanos;

  public HopTimings(long startNanos) {
    this.startNanos = startNanos;
  }

  public void parse(long nanos) {
    parseNanos = nanos;
  }

  void gates(long nanos) {
    gatesNanos = nanos;
  }

  void lookup(long nanos) {
    lookupNanos = nanos;
  }

  void allocate(long nanos) {
    allocateNanos = nanos;
  }

  /** The {@code Server-Timing} header value, in milliseconds. */
  public String serverTiming() {
    return "parse;dur="
        + ms(parseNanos)
        + ", gates;dur="
        + ms(gatesNanos)
        + ", redis;dur="
        + ms(lookupNanos)
        + ", allocate;dur="
        + ms(allocateNanos)
        + ", total;dur="
        + ms(System.nanoTime() - startNanos);
  }

  private static String ms(long nanos) {
    return Double.toString(Math.round(nanos / 1_000.0) / 1_000.0);
  }
}
