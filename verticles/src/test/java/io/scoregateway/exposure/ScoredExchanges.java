package io.scoregateway.exposure;

import io.scoregateway.allocate.AllocationRules;
import io.scoregateway.catalog.CampaignIndex;
import io.scoregateway.catalog.LiveCatalog;
import io.scoregateway.model.Campaign;
import io.scoregateway.model.CampaignStatus;
import io.scoregateway.model.Holdout;
import io.scoregateway.model.PacingMode;
import io.scoregateway.model.ScoreRequest;
import io.scoregateway.model.SnapshotExperiment;
import io.scoregateway.pacing.ManualClock;
import io.scoregateway.pacing.PacingController;
import io.scoregateway.pacing.PacingView;
import io.scoregateway.pipeline.ExchangeObserver;
import io.scoregateway.pipeline.Holdouts;
import io.scoregateway.pipeline.HopTimings;
import io.scoregateway.pipeline.ScoreExchange;
import io.scoregateway.pipeline.ScorePipeline;
import io.scoregateway.store.InMemoryFrequencyStore;
import io.scoregateway.store.InMemoryScoreStore;
import java.time.Instant;
import java.util.List;

/**
 * Closed exchanges scored by the real pipeline over in-memory stores: "c1" (track "a", pass rate
 * 0.5 leased plenty), "c2" (track "h", holding out everyone), snapshot "s1" scoring both 0.4.
 */
final class ScoredExchanges {
  static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");
  static final long SLOT_MS = 60_000;

  private final LiveCatalog catalog = new LiveCatalog();
  private final PacingView pacing = new PacingView();
  private final InMemoryScoreStore scores = new InMemoryScoreStore();

  ScoredExchanges(SnapshotExperiment experiment) {
    catalog.replace(
        new LiveCatalog.View(
            CampaignIndex.of(List.of(campaign("c1", null, "a"), campaign("c2", 1.0, "h"))),
            1,
            "s1",
            true,
            null,
            experiment,
            null));
    scores.put("s1", "a", "default=0.4;").put("s1", "h", "default=0.4;");
    for (String c : List.of("c1", "c2")) {
      // pass rate 1: the admission hash lets everyone through, so the answers are predictable
      pacing
          .pacer(c)
          .apply(
              new PacingController.Lease(
                  1.0, NOW.toEpochMilli() / SLOT_MS, 1_000_000, false, 0, 0, 0, false, 0, 0));
    }
  }

  static Campaign campaign(String id, Double holdout, String... tracks) {
    return new Campaign(
        id,
        List.of(tracks),
        null,
        null,
        NOW.minusSeconds(86_400),
        NOW.plusSeconds(86_400),
        1_000_000,
        PacingMode.ASAP,
        null,
        1.5,
        CampaignStatus.ACTIVE,
        null,
        null,
        holdout == null ? null : new Holdout(holdout, "holdout/" + id));
  }

  ScoreExchange score(String user, String... candidates) {
    ScoreRequest req =
        new ScoreRequest(user, "autoplay", "SE", "s7", List.of(candidates), -1, false);
    ScoreExchange ex = new ScoreExchange(req, new HopTimings(System.nanoTime()));
    new ScorePipeline(
            catalog,
            scores,
            pacing,
            SLOT_MS,
            new InMemoryFrequencyStore(),
            new ManualClock(NOW),
            ExchangeObserver.NONE,
            AllocationRules.DEFAULTS,
            Holdouts.NONE,
            true)
        .run(ex);
    ex.close();
    return ex;
  }
}
