package io.scoregateway.gateway.sim;

import io.scoregateway.model.Campaign;

/**
 * One campaign's trajectory through a simulated flight, slot by slot (the flight's slots, then the
 * tail in which late plays still arrive). {@code campaign} is the config in force at the last slot
 * recorded; {@code gap} is |delivered - planned| at each slot's end as a share of the budget then,
 * the plan being the one the controller holds (re-plans included).
 */
final class CampaignSeries {
  Campaign campaign;
  final int flightSlots;
  final long[] delivered;
  final double[] planned;
  final double[] gap;
  final double[] passRate;
  final long[] promotions;
  final long[] eligible;
  long total;
  long redisDelivered;

  /** Most promotions of this campaign made but not yet delivered at once. */
  int maxInFlight;

  int capViolations;

  /** Eligible candidates that passed pacing but lost to the answer's {@code max_promoted}. */
  long slotLimited;

  /** The scores of its promotions, summed (base times boost). */
  double promotedScore;

  /** Promotions over the whole run. */
  long promotionsTotal() {
    long n = 0;
    for (long p : promotions) {
      n += p;
    }
    return n;
  }

  CampaignSeries(Campaign campaign, int flightSlots, int slots) {
    this.campaign = campaign;
    this.flightSlots = flightSlots;
    this.delivered = new long[slots];
    this.planned = new double[slots];
    this.gap = new double[slots];
    this.passRate = new double[slots];
    this.promotions = new long[slots];
    this.eligible = new long[slots];
  }

  double deliveredShare() {
    return campaign.budget() == 0 ? 0 : (double) total / campaign.budget();
  }

  /** Largest gap between delivered and planned over the flight, as a share of budget. */
  double maxGapShare() {
    double worst = 0;
    for (int s = 0; s < flightSlots; s++) {
      worst = Math.max(worst, gap[s]);
    }
    return worst;
  }

  /** The first flight slot after which the gap stays under {@code bound} (0: it always was). */
  int slotsToSettle(double bound) {
    int settled = 0;
    for (int s = 0; s < flightSlots; s++) {
      if (gap[s] >= bound) {
        settled = s + 1;
      }
    }
    return settled;
  }

  long overDelivery() {
    return Math.max(0, total - campaign.budget());
  }

  /** Eligible candidates not promoted in the flight slots from {@code from} on. */
  long pacedFrom(int from) {
    long paced = 0;
    for (int s = from; s < flightSlots; s++) {
      paced += eligible[s] - promotions[s];
    }
    return paced;
  }
}
