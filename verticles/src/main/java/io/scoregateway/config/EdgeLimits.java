package io.scoregateway.config;

/**
 * Limits that keep slow or numerous callers from holding the ports.
 *
 * @param bodyReadMs the whole request body must arrive within this after the headers (else 408)
 * @param maxInFlightPerClient requests one client may have in flight per event loop; 0 = half of
 *     the loop's {@code maxInFlight}
 * @param maxConnections connections each port holds open; beyond it new ones are closed at once
 */
public record EdgeLimits(long bodyReadMs, int maxInFlightPerClient, int maxConnections) {
  public static final EdgeLimits DEFAULTS = new EdgeLimits(5_000, 0, 10_000);
}
