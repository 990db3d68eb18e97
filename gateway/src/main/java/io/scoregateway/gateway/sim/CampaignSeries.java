package io.scoregateway.gateway.sim;

import io.scoregateway.model.Campaign;

/** One campaign's trajectory through a simulated day, slot by slot. */
final class CampaignSeries {
  final Campaign campaign;
  final long[] delivered;
  final double[] planned;
  long total;
  long redisDelivered;
  int maxWavePromotions;
  int capViolations;

  CampaignSeries(Campaign campaign, int slots) {
    this.campaign = campaign;
    this.delivered = new long[slots];
    this.planned = new double[slots];
  }

  double deliveredShare() {
    return campaign.budget() == 0 ? 0 : (double) total / campaign.budget();
  }

  /** Largest |delivered - planned| over the flight, as a share of budget. */
  double maxGapShare() {
    double worst = 0;
    for (int s = 0; s < delivered.length; s++) {
      worst = Math.max(worst, Math.abs(delivered[s] - planned[s]));
    }
    return campaign.budget() == 0 ? 0 : worst / campaign.budget();
  }

  long overDelivery() {
    return Math.max(0, total - campaign.budget());
  }
}
