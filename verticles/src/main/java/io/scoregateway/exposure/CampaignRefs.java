package io.scoregateway.exposure;

import java.util.HashMap;
import java.util.Map;

/**
 * The campaign terms one protobuf chunk refers to: each distinct (campaign, boost, pass rate) gets
 * the next index the first time a record is decided with it. Pass rates change with the pacing
 * view, a few times a second at most, so a chunk of 50 ms holds about one entry per campaign.
 */
final class CampaignRefs {
  private static final class Terms {
    final long boostBits;
    final long passRateBits;
    final int index;
    Terms next;

    Terms(double boost, double passRate, int index) {
      this.boostBits = Double.doubleToLongBits(boost);
      this.passRateBits = Double.doubleToLongBits(passRate);
      this.index = index;
    }
  }

  private final Map<String, Terms> byCampaign = new HashMap<>();
  private int count;

  /**
   * The index of these terms when the chunk has them already, else {@code -1 - index} of the entry
   * just given to them (which the caller then writes). NaN pass rates are one value.
   */
  int ref(String campaign, double boost, double passRate) {
    long b = Double.doubleToLongBits(boost);
    long p = Double.doubleToLongBits(passRate);
    Terms first = byCampaign.get(campaign);
    for (Terms t = first; t != null; t = t.next) {
      if (t.boostBits == b && t.passRateBits == p) {
        return t.index;
      }
    }
    Terms added = new Terms(boost, passRate, count++);
    if (first == null) {
      byCampaign.put(campaign, added);
    } else {
      added.next = first.next;
      first.next = added;
    }
    return -1 - added.index;
  }

  /** Starts the next chunk with no entries. */
  void clear() {
    byCampaign.clear();
    count = 0;
  }
}
