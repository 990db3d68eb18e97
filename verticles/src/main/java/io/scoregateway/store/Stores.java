package io.scoregateway.store;

/** The Redis-backed stores of one verticle instance, all sharing its held connection. */
public record Stores(
    RedisLink link,
    ScoreStore scores,
    PacingStore pacing,
    FrequencyStore frequency,
    CampaignStore campaigns,
    SnapshotStore snapshots,
    DeliveryLedger deliveries) {

  /** How long a delivery event id is remembered for deduplication. */
  public static final long DEDUPE_TTL_SECONDS = 7 * 86_400;

  /** Builds every store over one link. */
  public static Stores over(RedisLink link, long pacingSlotMs) {
    return new Stores(
        link,
        new RedisScoreStore(link),
        new RedisPacingStore(link, pacingSlotMs),
        new RedisFrequencyStore(link),
        new RedisCampaignStore(link),
        new RedisSnapshotStore(link),
        new RedisDeliveryLedger(link, DEDUPE_TTL_SECONDS));
  }
}
