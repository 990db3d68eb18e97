package io.scoregateway.pacing;

import java.util.Collection;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The instance's in-memory pacing view: one {@link CampaignPacer} per campaign its requests have
 * met (or whose config changed). Scoring reads only this; the refresher keeps it current.
 */
public final class PacingView {
  private final ConcurrentHashMap<String, CampaignPacer> pacers = new ConcurrentHashMap<>();
  private volatile Runnable onDry = () -> {};

  /** The campaign's pacer, created (paced until its first refresh) on first sight. */
  public CampaignPacer pacer(String campaign) {
    CampaignPacer p = pacers.get(campaign);
    return p != null ? p : pacers.computeIfAbsent(campaign, id -> new CampaignPacer(id, this::dry));
  }

  /**
   * Called, from any event loop, when a pacer's lease runs dry (once until its next refresh): the
   * refresher then refreshes soon instead of at its next tick.
   */
  public void onDry(Runnable r) {
    onDry = r;
  }

  private void dry() {
    onDry.run();
  }

  /** The pacer if this instance has one, else null (reads that must not create state). */
  public CampaignPacer existing(String campaign) {
    return pacers.get(campaign);
  }

  public Collection<CampaignPacer> all() {
    return pacers.values();
  }

  public void forget(String campaign) {
    pacers.remove(campaign);
  }

  public int size() {
    return pacers.size();
  }
}
