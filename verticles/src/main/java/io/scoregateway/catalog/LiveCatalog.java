package io.scoregateway.catalog;

import io.scoregateway.model.SnapshotExperiment;
import java.time.Instant;

/**
 * What every event loop reads on the hot path without I/O: the campaign index, the active snapshot
 * id and the running snapshot experiment. Replaced whole by the refresher; readers see one
 * consistent view per request.
 */
public final class LiveCatalog {
  /**
   * One consistent view: the campaign index, its version, the active snapshot and the snapshot
   * experiment (null when none runs).
   *
   * @param snapshotCreatedAt when the active snapshot's scores were produced (its age counts from
   *     it), null when unknown
   * @param challengerCreatedAt when the experiment's challenger snapshot's scores were produced,
   *     null when unknown or when no experiment runs
   */
  public record View(
      CampaignIndex campaigns,
      long version,
      String snapshot,
      boolean loaded,
      Instant snapshotCreatedAt,
      SnapshotExperiment experiment,
      Instant challengerCreatedAt) {
    /** A view whose snapshot's creation time is unknown, with no experiment running. */
    public View(CampaignIndex campaigns, long version, String snapshot, boolean loaded) {
      this(campaigns, version, snapshot, loaded, null, null, null);
    }

    /** A view with no experiment running. */
    public View(
        CampaignIndex campaigns,
        long version,
        String snapshot,
        boolean loaded,
        Instant snapshotCreatedAt) {
      this(campaigns, version, snapshot, loaded, snapshotCreatedAt, null, null);
    }

    /** Seconds since the active snapshot was created at {@code nowMillis}; -1 when unknown. */
    public long snapshotAgeSeconds(long nowMillis) {
      return snapshot == null ? -1 : ageSeconds(snapshotCreatedAt, nowMillis);
    }

    /**
     * Seconds since the experiment's challenger was created at {@code nowMillis}; -1 when unknown.
     */
    public long challengerAgeSeconds(long nowMillis) {
      return experiment == null ? -1 : ageSeconds(challengerCreatedAt, nowMillis);
    }

    private static long ageSeconds(Instant createdAt, long nowMillis) {
      return createdAt == null ? -1 : Math.max(0, (nowMillis - createdAt.toEpochMilli()) / 1000);
    }
  }

  private volatile View view = new View(CampaignIndex.EMPTY, -1, null, false);

  public View view() {
    return view;
  }

  private final java.util.concurrent.atomic.AtomicLong regressions =
      new java.util.concurrent.atomic.AtomicLong();

  /**
   * Installs {@code next}; true when its campaign version is below the one loaded before, which
   * only a Redis that lost its data shows (the version only ever grows).
   */
  public boolean replace(View next) {
    View before = view;
    boolean regressed = before.loaded() && next.loaded() && next.version() < before.version();
    if (regressed) {
      // counted before the view is published: whoever sees the older version sees the count
      regressions.incrementAndGet();
    }
    this.view = next;
    return regressed;
  }

  /** How many times the campaign version went back (Redis lost its data). */
  public long regressions() {
    return regressions.get();
  }

  /** Points this instance at {@code snapshot}, whose scores were produced at {@code createdAt}. */
  public void activateSnapshot(String snapshot, Instant createdAt) {
    View v = view;
    view =
        new View(
            v.campaigns(),
            v.version(),
            snapshot,
            v.loaded(),
            createdAt,
            v.experiment(),
            v.challengerCreatedAt());
  }

  /**
   * Starts or changes ({@code experiment}, whose challenger's scores were produced at {@code
   * challengerCreatedAt}) or stops ({@code null}) the snapshot experiment.
   */
  public void experiment(SnapshotExperiment experiment, Instant challengerCreatedAt) {
    View v = view;
    view =
        new View(
            v.campaigns(),
            v.version(),
            v.snapshot(),
            v.loaded(),
            v.snapshotCreatedAt(),
            experiment,
            experiment == null ? null : challengerCreatedAt);
  }
}
