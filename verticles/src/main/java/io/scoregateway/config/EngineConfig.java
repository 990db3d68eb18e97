package io.scoregateway.config;

import io.scoregateway.allocate.AllocationRules;

/**
 * The engine's settings, validated by the application before deployment: plain values grouped by
 * what they govern. The Vert.x options they imply are built where servers and links are opened.
 * Tests start from {@link #over} and say only what they change ({@code with...}).
 *
 * @param instances data-plane verticle instances (one per event loop)
 * @param catalogRefreshMs how often every instance polls for campaign/snapshot changes
 * @param redis where Redis is and how the links reach it
 * @param server the two ports, their TLS and their edge limits
 * @param scoring request limits and the snapshot score cache
 * @param pacing the pacing controller's period and its refresh
 * @param deliveries how delivery writes are confirmed
 * @param allocation each surface's allocation policy and listener guardrails
 */
public record EngineConfig(
    int instances,
    long catalogRefreshMs,
    RedisConfig redis,
    ServerConfig server,
    ScoringConfig scoring,
    PacingConfig pacing,
    DeliveryConfig deliveries,
    AllocationRules allocation) {

  public static final long DEFAULT_CATALOG_REFRESH_MS = 1_000;

  /** The defaults over {@code redis}: one instance per core, every group at its defaults. */
  public static EngineConfig over(RedisConfig redis) {
    return new EngineConfig(
        Runtime.getRuntime().availableProcessors(),
        DEFAULT_CATALOG_REFRESH_MS,
        redis,
        ServerConfig.DEFAULTS,
        ScoringConfig.DEFAULTS,
        PacingConfig.DEFAULTS,
        DeliveryConfig.DEFAULTS,
        AllocationRules.DEFAULTS);
  }

  public EngineConfig withInstances(int n) {
    return new EngineConfig(
        n, catalogRefreshMs, redis, server, scoring, pacing, deliveries, allocation);
  }

  public EngineConfig withCatalogRefreshMs(long ms) {
    return new EngineConfig(instances, ms, redis, server, scoring, pacing, deliveries, allocation);
  }

  public EngineConfig withServer(ServerConfig s) {
    return new EngineConfig(
        instances, catalogRefreshMs, redis, s, scoring, pacing, deliveries, allocation);
  }

  public EngineConfig withScoring(ScoringConfig s) {
    return new EngineConfig(
        instances, catalogRefreshMs, redis, server, s, pacing, deliveries, allocation);
  }

  public EngineConfig withPacing(PacingConfig p) {
    return new EngineConfig(
        instances, catalogRefreshMs, redis, server, scoring, p, deliveries, allocation);
  }

  public EngineConfig withDeliveries(DeliveryConfig d) {
    return new EngineConfig(
        instances, catalogRefreshMs, redis, server, scoring, pacing, d, allocation);
  }

  public EngineConfig withAllocation(AllocationRules a) {
    return new EngineConfig(
        instances, catalogRefreshMs, redis, server, scoring, pacing, deliveries, a);
  }

  /**
   * Requests one client may have in flight per event loop: the configured cap, else half the loop's
   * bound.
   */
  public int clientInFlightCap() {
    int cap = server.edge().maxInFlightPerClient();
    return cap > 0 ? cap : Math.max(1, (scoring.maxInFlight() + 1) / 2);
  }
}
