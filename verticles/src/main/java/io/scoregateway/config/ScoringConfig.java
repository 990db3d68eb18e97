package io.scoregateway.config;

/**
 * What one scoring request may ask and how much the engine works on at once.
 *
 * @param maxBatch most candidates in one request
 * @param timeoutMs default request deadline
 * @param maxInFlight requests one event loop works on at once before shedding with 503
 * @param scoreCacheEntries snapshot entries kept in memory across event loops; 0 disables the cache
 */
public record ScoringConfig(int maxBatch, long timeoutMs, int maxInFlight, long scoreCacheEntries) {

  public static final ScoringConfig DEFAULTS = new ScoringConfig(1000, 50, 512, 250_000);

  public ScoringConfig withTimeoutMs(long ms) {
    return new ScoringConfig(maxBatch, ms, maxInFlight, scoreCacheEntries);
  }

  public ScoringConfig withMaxInFlight(int n) {
    return new ScoringConfig(maxBatch, timeoutMs, n, scoreCacheEntries);
  }

  public ScoringConfig withScoreCacheEntries(long n) {
    return new ScoringConfig(maxBatch, timeoutMs, maxInFlight, n);
  }

  /** Largest accepted request body: the largest batch of maximal ids plus envelope. */
  public int maxBodyBytes() {
    return 4096 + maxBatch * 140;
  }
}
