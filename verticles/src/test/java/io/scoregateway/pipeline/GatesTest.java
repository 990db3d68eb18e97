package io.scoregateway.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.scoregateway.model.Campaign;
import io.scoregateway.model.CampaignStatus;
import io.scoregateway.model.FrequencyCap;
import io.scoregateway.model.PacingMode;
import io.scoregateway.model.Reason;
import io.scoregateway.model.ScoreRequest;
import io.scoregateway.pacing.AdmissionHash;
import io.scoregateway.pacing.CampaignPacer;
import io.scoregateway.pacing.PacingController;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class GatesTest {
  static final Instant START = Instant.parse("2026-11-01T00:00:00Z");
  static final Instant END = Instant.parse("2026-12-01T00:00:00Z");
  static final long NOW = Instant.parse("2026-11-28T12:00:00Z").toEpochMilli();
  static final long SLOT = 7;
  static final ScoreRequest REQ =
      new ScoreRequest(
          "u-1", "autoplay", "SE", ScoreRequest.DEFAULT_SEGMENT, List.of("t1"), -1, false);

  static Campaign campaign(
      CampaignStatus status, Set<String> surfaces, Set<String> markets, FrequencyCap cap) {
    return new Campaign(
        "c1",
        List.of("t1"),
        surfaces,
        markets,
        START,
        END,
        1000,
        PacingMode.EVEN,
        cap,
        1.0,
        status);
  }

  static Campaign open() {
    return campaign(CampaignStatus.ACTIVE, null, null, null);
  }

  /**
   * The gate as the pipeline calls it, with the listener's admission unit for the campaign and
   * slot, on a surface without guardrails.
   */
  static Reason afterLookup(
      Campaign c, String user, double baseScore, CampaignPacer p, long userCount, long slot) {
    return Gates.afterLookup(
        c, baseScore, p, userCount, AdmissionHash.unit(user, c.id(), slot), 0, false);
  }

  /** A pacer the last refresh gave {@code passRate} and {@code grant} promotions. */
  static CampaignPacer pacer(double passRate, long grant, boolean exhausted) {
    CampaignPacer p = new CampaignPacer("c1");
    p.apply(new PacingController.Lease(passRate, SLOT, grant, exhausted, 0, 0, 0, false, 0, 0));
    return p;
  }

  @Test
  void anOpenCampaignInFlightGoesOnToTheLookups() {
    assertThat(Gates.beforeLookup(open(), REQ, NOW)).isNull();
  }

  @Test
  void theInMemoryGatesAnswerInContractOrder() {
    assertThat(Gates.beforeLookup(null, REQ, NOW)).isEqualTo(Reason.NOT_ENROLLED);
    // paused wins over being out of flight and excluded
    Campaign pausedEverywhereElse =
        new Campaign(
            "c1",
            List.of("t1"),
            Set.of("radio"),
            Set.of("US"),
            END,
            END.plusSeconds(60),
            1000,
            PacingMode.EVEN,
            null,
            1.0,
            CampaignStatus.PAUSED);
    assertThat(Gates.beforeLookup(pausedEverywhereElse, REQ, NOW)).isEqualTo(Reason.PAUSED);
    assertThat(Gates.beforeLookup(open(), REQ, END.toEpochMilli()))
        .isEqualTo(Reason.OUTSIDE_FLIGHT);
    assertThat(Gates.beforeLookup(open(), REQ, START.toEpochMilli() - 1))
        .isEqualTo(Reason.OUTSIDE_FLIGHT);
    assertThat(
            Gates.beforeLookup(
                campaign(CampaignStatus.ACTIVE, Set.of("radio"), Set.of("US"), null), REQ, NOW))
        .isEqualTo(Reason.SURFACE_EXCLUDED);
    assertThat(
            Gates.beforeLookup(
                campaign(CampaignStatus.ACTIVE, Set.of("autoplay"), Set.of("US"), null), REQ, NOW))
        .isEqualTo(Reason.MARKET_EXCLUDED);
    assertThat(
            Gates.beforeLookup(
                campaign(CampaignStatus.ACTIVE, Set.of("autoplay"), Set.of("SE"), null), REQ, NOW))
        .isNull();
  }

  @Test
  void withoutAPositiveScoreNothingElseIsAsked() {
    CampaignPacer p = pacer(1.0, 5, true);
    assertThat(afterLookup(open(), "u-1", Double.NaN, p, 0, SLOT)).isEqualTo(Reason.NO_SCORE);
    assertThat(afterLookup(open(), "u-1", 0, p, 0, SLOT)).isEqualTo(Reason.NO_SCORE);
    assertThat(afterLookup(open(), "u-1", -0.5, p, 0, SLOT)).isEqualTo(Reason.NO_SCORE);
    assertThat(p.lease()).isEqualTo(5);
  }

  @Test
  void anExhaustedBudgetWinsOverTheFrequencyCapAndTakesNoPromotion() {
    Campaign capped = campaign(CampaignStatus.ACTIVE, null, null, new FrequencyCap(1, 3600));
    CampaignPacer p = pacer(1.0, 5, true);
    assertThat(afterLookup(capped, "u-1", 0.5, p, 9, SLOT)).isEqualTo(Reason.BUDGET_EXHAUSTED);
    assertThat(p.lease()).isEqualTo(5);
  }

  @Test
  void theFrequencyCapStopsAListenerAtItsMaximum() {
    Campaign capped = campaign(CampaignStatus.ACTIVE, null, null, new FrequencyCap(3, 3600));
    CampaignPacer p = pacer(1.0, 5, false);
    assertThat(afterLookup(capped, "u-1", 0.5, p, 3, SLOT)).isEqualTo(Reason.FREQUENCY_CAPPED);
    assertThat(p.lease()).isEqualTo(5);
    assertThat(afterLookup(capped, "u-1", 0.5, p, 2, SLOT)).isEqualTo(Reason.PROMOTED);
    assertThat(p.lease()).isEqualTo(4);
  }

  @Test
  void pacingDecidesLastAndAPromotionTakesOneFromTheLease() {
    CampaignPacer open = pacer(1.0, 1, false);
    assertThat(afterLookup(open(), "u-1", 0.5, open, 0, SLOT)).isEqualTo(Reason.PROMOTED);
    assertThat(open.lease()).isZero();
    // the lease is spent: paced, whatever the pass rate
    assertThat(afterLookup(open(), "u-2", 0.5, open, 0, SLOT)).isEqualTo(Reason.PACED);
    CampaignPacer closed = pacer(0.0, 5, false);
    assertThat(afterLookup(open(), "u-1", 0.5, closed, 0, SLOT)).isEqualTo(Reason.PACED);
    assertThat(closed.lease()).isEqualTo(5);
  }

  @Test
  void theFloorStopsALowScoreBeforeTheBudgetAndTakesNothing() {
    CampaignPacer exhausted = pacer(1.0, 5, true);
    double unit = AdmissionHash.unit("u-1", "c1", SLOT);
    assertThat(Gates.afterLookup(open(), 0.1, exhausted, 0, unit, 0.2, false))
        .isEqualTo(Reason.BELOW_FLOOR);
    // no score is still no score, whatever the floor
    assertThat(Gates.afterLookup(open(), 0, exhausted, 0, unit, 0.2, false))
        .isEqualTo(Reason.NO_SCORE);
    // at the floor is enough
    CampaignPacer open = pacer(1.0, 5, false);
    assertThat(Gates.afterLookup(open(), 0.2, open, 0, unit, 0.2, false))
        .isEqualTo(Reason.PROMOTED);
    assertThat(exhausted.lease()).isEqualTo(5);
  }

  @Test
  void theEngagementHoldComesAfterTheFrequencyCapAndBeforePacing() {
    Campaign capped = campaign(CampaignStatus.ACTIVE, null, null, new FrequencyCap(1, 3600));
    CampaignPacer p = pacer(1.0, 5, false);
    double unit = AdmissionHash.unit("u-1", "c1", SLOT);
    assertThat(Gates.afterLookup(capped, 0.5, p, 1, unit, 0, true))
        .isEqualTo(Reason.FREQUENCY_CAPPED);
    assertThat(Gates.afterLookup(capped, 0.5, p, 0, unit, 0, true))
        .isEqualTo(Reason.ENGAGEMENT_HOLD);
    // a held listener takes nothing from the lease
    assertThat(p.lease()).isEqualTo(5);
    assertThat(Gates.afterLookup(capped, 0.5, p, 0, unit, 0, false)).isEqualTo(Reason.PROMOTED);
  }
}
