package io.scoregateway.pacing;

/**
 * A campaign's rated plays and skips over a rolling window of {@link #BUCKETS} buckets of {@link
 * #BUCKET_SLOTS} pacing slots each (an hour at the default 60 s slot), kept in field {@code eng} of
 * its pacing hash as {@code bucket:plays:skips} entries. delivery_campaign.lua adds the outcomes it
 * counts (each event once) and drops buckets that left the window; pacing_refresh.lua and the admin
 * API's read sum what is still inside it, as {@link #sum} does.
 */
public final class EngagementWindow {
  /** Pacing slots per bucket. */
  public static final int BUCKET_SLOTS = 5;

  /** Buckets in the window, the current one included. */
  public static final int BUCKETS = 12;

  /** Rated plays (an outcome was reported) and the skips among them. */
  public record Counts(long plays, long skips) {
    public static final Counts NONE = new Counts(0, 0);

    /** Skips per rated play; 0 without plays. */
    public double skipRate() {
      return plays == 0 ? 0 : (double) skips / plays;
    }
  }

  private EngagementWindow() {}

  /** The bucket {@code nowMs} falls in. */
  public static long bucket(long nowMs, long slotMs) {
    return Math.floorDiv(nowMs, slotMs * BUCKET_SLOTS);
  }

  /** How long the window is. */
  public static long windowMs(long slotMs) {
    return slotMs * BUCKET_SLOTS * BUCKETS;
  }

  /** The plays and skips of the stored entries inside the window that ends with {@code bucket}. */
  public static Counts sum(String stored, long bucket) {
    if (stored == null || stored.isEmpty()) {
      return Counts.NONE;
    }
    long plays = 0;
    long skips = 0;
    for (String entry : stored.split(",", -1)) {
      String[] f = entry.split(":", -1);
      if (f.length == 3 && Long.parseLong(f[0]) > bucket - BUCKETS) {
        plays += Long.parseLong(f[1]);
        skips += Long.parseLong(f[2]);
      }
    }
    return new Counts(plays, skips);
  }
}
