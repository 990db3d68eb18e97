package io.scoregateway.store;

/**
 * The Redis key layout, in one place. Keys one Lua script touches share a hash tag: campaign
 * configuration under {@code {cfg}}, per-campaign pacing state under {@code {c:<id>}}, per-listener
 * counters under {@code {u:<id>}}. Snapshot score keys carry no tag so they spread over a cluster.
 * Ids are validated ({@code [A-Za-z0-9._:-]}) before any key is built, so no escaping is needed.
 */
public final class Keys {
  /** The id of the active snapshot: one atomic write activates a snapshot. */
  public static final String ACTIVE_SNAPSHOT = "{snap}:active";

  /**
   * The running snapshot experiment's JSON (challenger, share, salt), absent when none runs: one
   * atomic write starts, changes or stops it, as activation does for the active snapshot.
   */
  public static final String EXPERIMENT = "{snap}:experiment";

  /** Hash: snapshot id to its metadata JSON (rows, state, loaded_at). */
  public static final String SNAPSHOTS = "{snap}:meta";

  /** Hash: campaign id to its config JSON. */
  public static final String CAMPAIGNS = "{cfg}:campaigns";

  /** Hash: track id to the campaign that owns it (the conflict index). */
  public static final String ENROLLMENT = "{cfg}:enrollment";

  /** Hash: campaign id to its flight end in ms, read by the conflict check. */
  public static final String CAMPAIGN_ENDS = "{cfg}:ends";

  /** Counter bumped on every campaign change, polled by every gateway instance. */
  public static final String CAMPAIGNS_VERSION = "{cfg}:version";

  /** Pub/sub channel announcing campaign and snapshot changes. */
  public static final String CHANGES_CHANNEL = "sg:changes";

  /** Separates the ids after a key's tag or prefix; never part of an id. */
  static final char SEP = '/';

  private Keys() {}

  /**
   * The scores of one track in one snapshot: {@code segment=score;} entries, appended by loaders.
   */
  public static String score(String snapshot, String track) {
    return scorePrefix(snapshot) + track;
  }

  /** The prefix of every score key of a snapshot. */
  public static String scorePrefix(String snapshot) {
    return "sg:s" + SEP + snapshot + SEP;
  }

  /** Sets a snapshot's track ids are spread over, so deleting it needs no SCAN of the keyspace. */
  public static final int MANIFEST_BUCKETS = 16;

  /**
   * One bucket of a snapshot's manifest: the ids of the tracks it wrote. Untagged like the score
   * keys, so a cluster spreads the buckets over its masters; each command touches one key.
   */
  public static String manifest(String snapshot, int bucket) {
    return "sg:m" + SEP + snapshot + SEP + bucket;
  }

  /** The manifest bucket a track's id is listed in. */
  public static int manifestBucket(String track) {
    return Math.floorMod(track.hashCode(), MANIFEST_BUCKETS);
  }

  /** Hash of a campaign's pacing state: delivered, pass rate, slot. */
  public static String pacing(String campaign) {
    return "{c:" + campaign + "}:pacing";
  }

  /**
   * List of a campaign's pacing history, one entry per slot, written by the controller step beside
   * the pacing hash (same tag).
   */
  public static String history(String campaign) {
    return "{c:" + campaign + "}:history";
  }

  /** Campaign-side dedupe marker of one delivery event. */
  public static String campaignEvent(String campaign, String event) {
    return "{c:" + campaign + "}:e" + SEP + event;
  }

  /** Listener-side dedupe marker of one delivery event. */
  public static String userEvent(String user, String campaign, String event) {
    return "{u:" + user + "}:e" + SEP + campaign + SEP + event;
  }

  /**
   * A listener's delivery count for a campaign in one cap window. Windows are aligned to the epoch
   * ({@code window = now / window_length}), so the gateway's clock, not Redis's, decides which
   * window a delivery and a lookup fall in.
   */
  public static String frequency(String user, String campaign, long window) {
    return "{u:" + user + "}:f" + SEP + campaign + SEP + window;
  }
}
