package io.scoregateway.catalog;

/**
 * What every event loop reads on the hot path without I/O: the campaign index and the active
 * snapshot id. Replaced whole by the refresher; readers see one consistent pair per request.
 */
public final class LiveCatalog {
  /** One consistent view: the campaign index, its version and the active snapshot. */
  public record View(CampaignIndex campaigns, long version, String snapshot, boolean loaded) {}

  private volatile View view = new View(CampaignIndex.EMPTY, -1, null, false);

  public View view() {
    return view;
  }

  public void replace(View next) {
    this.view = next;
  }

  public void activateSnapshot(String snapshot) {
    View v = view;
    view = new View(v.campaigns(), v.version(), snapshot, v.loaded());
  }
}
