package io.scoregateway.catalog;

import io.scoregateway.model.SnapshotExperiment;

/**
 * What every event loop reads on the hot path without I/O: the campaign index, the active snapshot
 * id and the running snapshot experiment. Replaced whole by the refresher; readers see one
 * consistent view per request.
 */
public final class LiveCatalog {
  /**
   * One consistent view: the campaign index, its version, the active snapshot and the snapshot
   * experiment (null when none runs).
   */
  public record View(
      CampaignIndex campaigns,
      long version,
      String snapshot,
      boolean loaded,
      SnapshotExperiment experiment) {

    /** A view with no experiment running. */
    public View(CampaignIndex campaigns, long version, String snapshot, boolean loaded) {
      this(campaigns, version, snapshot, loaded, null);
    }
  }

  private volatile View view = new View(CampaignIndex.EMPTY, -1, null, false);

  public View view() {
    return view;
  }

  public void replace(View next) {
    this.view = next;
  }

  public void activateSnapshot(String snapshot) {
    View v = view;
    view = new View(v.campaigns(), v.version(), snapshot, v.loaded(), v.experiment());
  }

  /** Starts, changes ({@code experiment}) or stops ({@code null}) the snapshot experiment. */
  public void experiment(SnapshotExperiment experiment) {
    View v = view;
    view = new View(v.campaigns(), v.version(), v.snapshot(), v.loaded(), experiment);
  }
}
