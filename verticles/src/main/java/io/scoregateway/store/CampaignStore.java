package io.scoregateway.store;

import io.scoregateway.model.Campaign;
import io.vertx.core.Future;
import java.util.List;

/**
 * Campaign configs: atomic writes with the one-open-campaign-per-track rule, and change version.
 */
public interface CampaignStore {
  /** Creates or replaces; fails with {@link TrackConflict} when a track is owned elsewhere. */
  Future<Long> put(Campaign campaign, long nowMs);

  /** Null when absent. */
  Future<Campaign> get(String id);

  Future<List<Campaign>> list();

  /** True when the campaign existed. */
  Future<Boolean> delete(String id);

  /** Bumped by every change; cheap to poll. */
  Future<Long> version();

  /** A track already belongs to another campaign that has not ended. */
  final class TrackConflict extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String otherCampaign;
    private final String track;

    public TrackConflict(String otherCampaign, String track) {
      super("track " + track + " belongs to campaign " + otherCampaign, null, false, false);
      this.otherCampaign = otherCampaign;
      this.track = track;
    }

    public String otherCampaign() {
      return otherCampaign;
    }

    public String track() {
      return track;
    }
  }
}
