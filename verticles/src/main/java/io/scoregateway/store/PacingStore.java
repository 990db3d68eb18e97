package io.scoregateway.store;

import io.scoregateway.model.Campaign;
import io.scoregateway.pacing.CampaignPacer.PacingReport;
import io.scoregateway.pacing.PacingController;
import io.scoregateway.pacing.PacingHistory;
import io.scoregateway.pacing.PacingRecord;
import io.scoregateway.pacing.PacingSlot;
import io.vertx.core.Future;
import java.util.List;

/**
 * Campaign pacing state in Redis: stepped and leased by the background refresher, read by admins.
 */
public interface PacingStore {
  /**
   * One controller call per report (the campaign at the same position), all pipelined in one batch
   * (one per master in cluster mode); one lease per report, in order.
   */
  Future<PacingController.Lease[]> refresh(
      List<Campaign> campaigns, List<PacingReport> reports, long nowMs);

  /** The stored state of each campaign, read only: reading never steps the controller. */
  Future<PacingRecord[]> read(List<String> campaigns);

  /**
   * A campaign's pacing history, oldest slot first (bounded by {@link PacingHistory}); empty when
   * no step has run. Read only.
   */
  Future<List<PacingSlot>> history(String campaign);

  /** The controller period. */
  long slotMs();
}
