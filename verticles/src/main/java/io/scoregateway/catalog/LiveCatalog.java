package io.scoregateway.catalog;

import java.time.Instant;

/**
 * What every event loop reads on the hot path without I/O: the campaign index and the active
 * snapshot id. Replaced whole by the refresher; readers see one consistent pair per request.
 */
public final class LiveCatalog {
  /**
   * One consistent view: the campaign index, its version and the active snapshot.
   *
   * @param snapshotCreatedAt when the active snapshot's scores were produced (its age counts from
   *     it), null when unknown
   */
  public record View(
      CampaignIndex campaigns,
      long version,
      String snapshot,
      boolean loaded,
      Instant snapshotCreatedAt) {
    /** A view whose snapshot's creation time is unknown. */
    public View(CampaignIndex campaigns, long version, String snapshot, boolean loaded) {
      this(campaigns, version, snapshot, loaded, null);
    }

    /** Seconds since the active snapshot was created at {@code nowMillis}; -1 when unknown. */
    public long snapshotAgeSeconds(long nowMillis) {
      return snapshot == null || snapshotCreatedAt == null
          ? -1
          : Math.max(0, (nowMillis - snapshotCreatedAt.toEpochMilli()) / 1000);
    }
  }

  private volatile View view = new View(CampaignIndex.EMPTY, -1, null, false);

  public View view() {
    return view;
  }

  public void replace(View next) {
    this.view = next;
  }

  /** Points this instance at {@code snapshot}, whose scores were produced at {@code createdAt}. */
  public void activateSnapshot(String snapshot, Instant createdAt) {
    View v = view;
    view = new View(v.campaigns(), v.version(), snapshot, v.loaded(), createdAt);
  }
}
