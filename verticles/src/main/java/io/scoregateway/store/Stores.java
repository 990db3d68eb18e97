package io.scoregateway.store;

import io.scoregateway.pacing.PacingController;
import io.scoregateway.redis.RedisLink;

/** The Redis-backed stores of one verticle instance, all sharing its held connection. */
public record Stores(
    RedisLink link,
    ScoreStore scores,
    PacingStore pacing,
    FrequencyStore frequency,
    CampaignStore campaigns,
    SnapshotStore snapshots,
    DeliveryLedger deliveries) {

  /** The pacing store alone, for the background refresher's own connection. */
  public static PacingStore pacing(RedisLink link, long pacingSlotMs, long pacingSettleMs) {
    return new RedisPacingStore(link, pacingSlotMs, pacingSettleMs);
  }

  /** How long a delivery event id is remembered for deduplication. */
  public static final long DEDUPE_TTL_SECONDS = 7 * 86_400;

  /** Builds every store over one link; deliveries are confirmed without waiting for replicas. */
  public static Stores over(RedisLink link, long pacingSlotMs) {
    return over(link, pacingSlotMs, PacingController.DEFAULT_SETTLE_MS, link, 0, 0);
  }

  /**
   * Builds every store over {@code link} except the delivery ledger, which writes on {@code
   * deliveryLink} and, when {@code deliveryReplicas > 0}, confirms only what that many replicas
   * acknowledged within {@code deliveryWaitMs} ({@code WAIT} blocks its connection, so it should
   * not be the scoring link).
   */
  public static Stores over(
      RedisLink link,
      long pacingSlotMs,
      long pacingSettleMs,
      RedisLink deliveryLink,
      int deliveryReplicas,
      long deliveryWaitMs) {
    return new Stores(
        link,
        new RedisScoreStore(link),
        pacing(link, pacingSlotMs, pacingSettleMs),
        new RedisFrequencyStore(link),
        new RedisCampaignStore(link),
        new RedisSnapshotStore(link),
        new RedisDeliveryLedger(
            deliveryLink, DEDUPE_TTL_SECONDS, deliveryReplicas, deliveryWaitMs, pacingSlotMs));
  }
}
