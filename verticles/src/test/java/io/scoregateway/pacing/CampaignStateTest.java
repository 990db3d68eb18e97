package io.scoregateway.pacing;

import static org.assertj.core.api.Assertions.assertThat;

import io.scoregateway.model.Campaign;
import io.scoregateway.model.CampaignStatus;
import io.scoregateway.model.PacingMode;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class CampaignStateTest {
  static final Instant START = Instant.parse("2026-11-01T00:00:00Z");
  static final Instant END = Instant.parse("2026-12-01T00:00:00Z");
  static final long NOW = Instant.parse("2026-11-28T12:00:00Z").toEpochMilli();

  static Campaign campaign(CampaignStatus status, Instant start, Instant end) {
    return new Campaign(
        "c1", List.of("t1"), null, null, start, end, 1000, PacingMode.EVEN, null, 1.0, status);
  }

  static Campaign active() {
    return campaign(CampaignStatus.ACTIVE, START, END);
  }

  static CampaignState of(Campaign c, long delivered, double planned, long now) {
    return CampaignState.of(c, delivered, planned, now);
  }

  @Test
  void onPlanWithinTheToleranceIsPacing() {
    assertThat(of(active(), 900, 900, NOW)).isEqualTo(CampaignState.PACING);
    // tolerance is 2% of a 1000 budget: 20 either way
    assertThat(of(active(), 920, 900, NOW)).isEqualTo(CampaignState.PACING);
    assertThat(of(active(), 880, 900, NOW)).isEqualTo(CampaignState.PACING);
  }

  @Test
  void beyondTheToleranceIsAheadOrBehind() {
    assertThat(of(active(), 921, 900, NOW)).isEqualTo(CampaignState.AHEAD);
    assertThat(of(active(), 879, 900, NOW)).isEqualTo(CampaignState.BEHIND);
  }

  @Test
  void aSmallBudgetStillToleratesOneDelivery() {
    Campaign small =
        new Campaign(
            "c1",
            List.of("t1"),
            null,
            null,
            START,
            END,
            10,
            PacingMode.EVEN,
            null,
            1.0,
            CampaignStatus.ACTIVE);
    assertThat(CampaignState.of(small, 5, 4.5, NOW)).isEqualTo(CampaignState.PACING);
    assertThat(CampaignState.of(small, 6, 4.5, NOW)).isEqualTo(CampaignState.AHEAD);
  }

  @Test
  void beforeStartIsScheduledAndFromEndOnIsEnded() {
    assertThat(of(active(), 0, 0, START.toEpochMilli() - 1)).isEqualTo(CampaignState.SCHEDULED);
    assertThat(of(active(), 0, 0, START.toEpochMilli())).isEqualTo(CampaignState.PACING);
    assertThat(of(active(), 999, 1000, END.toEpochMilli() - 1)).isEqualTo(CampaignState.PACING);
    assertThat(of(active(), 0, 1000, END.toEpochMilli())).isEqualTo(CampaignState.ENDED);
  }

  @Test
  void deliveringTheBudgetIsExhaustedEvenWhenPaused() {
    assertThat(of(active(), 1000, 900, NOW)).isEqualTo(CampaignState.EXHAUSTED);
    assertThat(of(active(), 1500, 900, NOW)).isEqualTo(CampaignState.EXHAUSTED);
    assertThat(of(campaign(CampaignStatus.PAUSED, START, END), 1000, 900, NOW))
        .isEqualTo(CampaignState.EXHAUSTED);
    assertThat(of(active(), 999, 900, NOW)).isEqualTo(CampaignState.AHEAD);
  }

  @Test
  void pausedWinsOverPacingNumbersAndSchedule() {
    assertThat(of(campaign(CampaignStatus.PAUSED, START, END), 0, 900, NOW))
        .isEqualTo(CampaignState.PAUSED);
    Instant later = Instant.ofEpochMilli(NOW).plusSeconds(86_400);
    assertThat(of(campaign(CampaignStatus.PAUSED, later, later.plusSeconds(86_400)), 0, 0, NOW))
        .isEqualTo(CampaignState.PAUSED);
  }

  @Test
  void anEndedCampaignIsEndedWhateverElse() {
    Instant past = Instant.ofEpochMilli(NOW).minusSeconds(60);
    assertThat(of(campaign(CampaignStatus.PAUSED, START, past), 5000, 1000, NOW))
        .isEqualTo(CampaignState.ENDED);
  }

  @Test
  void wireNamesAreLowerCase() {
    assertThat(List.of(CampaignState.values()).stream().map(CampaignState::wire).toList())
        .containsExactly("scheduled", "pacing", "ahead", "behind", "exhausted", "ended", "paused");
  }
}
