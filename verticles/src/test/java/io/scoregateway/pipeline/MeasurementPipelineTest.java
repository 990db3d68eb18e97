package io.scoregateway.pipeline;

import static io.scoregateway.pipeline.ScorePipelineTest.NOW;
import static io.scoregateway.pipeline.ScorePipelineTest.SLOT_MS;
import static io.scoregateway.pipeline.ScorePipelineTest.SNAP;
import static io.scoregateway.pipeline.ScorePipelineTest.campaign;
import static io.scoregateway.pipeline.ScorePipelineTest.reasons;
import static org.assertj.core.api.Assertions.assertThat;

import io.scoregateway.allocate.AllocationRules;
import io.scoregateway.catalog.CampaignIndex;
import io.scoregateway.catalog.LiveCatalog;
import io.scoregateway.experiment.ListenerSplit;
import io.scoregateway.model.Arm;
import io.scoregateway.model.Campaign;
import io.scoregateway.model.CampaignStatus;
import io.scoregateway.model.Holdout;
import io.scoregateway.model.Reason;
import io.scoregateway.model.ScoreRequest;
import io.scoregateway.model.SnapshotExperiment;
import io.scoregateway.pacing.ManualClock;
import io.scoregateway.pacing.PacingController;
import io.scoregateway.pacing.PacingView;
import io.scoregateway.store.InMemoryFrequencyStore;
import io.scoregateway.store.InMemoryScoreStore;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Snapshot experiments and holdouts on the scoring path. */
class MeasurementPipelineTest {
  static final SnapshotExperiment HALF =
      new SnapshotExperiment("e1", "snap-b", 0.5, "experiment/e1", NOW);

  final LiveCatalog catalog = new LiveCatalog();
  final PacingView pacing = new PacingView();
  final InMemoryScoreStore scores = new InMemoryScoreStore();
  final InMemoryFrequencyStore frequency = new InMemoryFrequencyStore();
  Holdouts surfaces = Holdouts.NONE;

  void catalog(SnapshotExperiment experiment, Campaign... campaigns) {
    catalog.replace(
        new LiveCatalog.View(
            CampaignIndex.of(List.of(campaigns)), 1, SNAP, true, null, experiment, null));
  }

  void leased(String campaign, long grant) {
    pacing
        .pacer(campaign)
        .apply(
            new PacingController.Lease(
                1.0, NOW.toEpochMilli() / SLOT_MS, grant, false, 0, 0, 0, false, 0, 0));
  }

  ScoreExchange score(String user, int maxPromoted, String... candidates) {
    ScoreRequest req =
        new ScoreRequest(
            user,
            "autoplay",
            "SE",
            ScoreRequest.DEFAULT_SEGMENT,
            List.of(candidates),
            maxPromoted,
            false);
    ScoreExchange ex = new ScoreExchange(req, new HopTimings(System.nanoTime()));
    new ScorePipeline(
            catalog,
            scores,
            pacing,
            SLOT_MS,
            frequency,
            new ManualClock(NOW),
            ExchangeObserver.NONE,
            AllocationRules.DEFAULTS,
            surfaces,
            true)
        .run(ex);
    ex.close();
    return ex;
  }

  static Campaign heldOut(String id, double share, String... tracks) {
    Campaign c = campaign(id, CampaignStatus.ACTIVE, null, tracks);
    return new Campaign(
        c.id(),
        c.tracks(),
        c.surfaces(),
        c.markets(),
        c.start(),
        c.end(),
        c.budget(),
        c.pacing(),
        c.frequencyCap(),
        c.boost(),
        c.status(),
        null,
        null,
        new Holdout(share, "holdout/" + id));
  }

  /** The first listener u-N that the experiment puts in {@code arm}. */
  static String listenerIn(Arm arm) {
    for (int i = 0; ; i++) {
      String u = "u-" + i;
      boolean challenger = ListenerSplit.in(HALF.salt(), u, HALF.share());
      if (challenger == (arm == Arm.CHALLENGER)) {
        return u;
      }
    }
  }

  @Test
  void aChallengerListenerIsScoredFromTheChallengerSnapshotAndTheRestFromTheActiveOne() {
    catalog(HALF, campaign("c1", CampaignStatus.ACTIVE, null, "a"));
    scores.put(SNAP, "a", "default=0.1;").put("snap-b", "a", "default=0.3;");
    leased("c1", 10);

    ScoreExchange champion = score(listenerIn(Arm.CHAMPION), -1, "a");
    ScoreExchange challenger = score(listenerIn(Arm.CHALLENGER), -1, "a");

    assertThat(champion.arm()).isEqualTo(Arm.CHAMPION);
    assertThat(champion.snapshot()).isEqualTo(SNAP);
    assertThat(champion.decision(0).score()).isEqualTo(0.2); // 0.1 times boost 2
    assertThat(challenger.arm()).isEqualTo(Arm.CHALLENGER);
    assertThat(challenger.snapshot()).isEqualTo("snap-b");
    assertThat(challenger.decision(0).score()).isEqualTo(0.6);
    assertThat(challenger.experiment()).isEqualTo("e1");
    // one lookup each, of the arm's snapshot only
    assertThat(scores.calls()).containsExactly(List.of("a"), List.of("a"));
  }

  @Test
  void withoutAnExperimentEveryoneIsChampion() {
    catalog(null, campaign("c1", CampaignStatus.ACTIVE, null, "a"));
    ScoreExchange ex = score(listenerIn(Arm.CHALLENGER), -1, "a");
    assertThat(ex.arm()).isEqualTo(Arm.CHAMPION);
    assertThat(ex.experiment()).isNull();
    assertThat(ex.snapshot()).isEqualTo(SNAP);
  }

  @Test
  void aHeldOutListenerIsNeverPromotedTakesNoLeaseAndKeepsItsWouldBeDecision() {
    catalog(null, heldOut("c1", 1.0, "a"), campaign("c2", CampaignStatus.ACTIVE, null, "b"));
    scores.put(SNAP, "a", "default=0.4;").put(SNAP, "b", "default=0.4;");
    leased("c1", 10);
    leased("c2", 10);

    ScoreExchange ex = score("u-1", -1, "a", "b");

    assertThat(reasons(ex)).containsExactly(Reason.HOLDOUT, Reason.PROMOTED);
    assertThat(ex.decision(0).score()).isZero();
    assertThat(ex.decision(0).campaign()).isEqualTo("c1");
    assertThat(ex.inputs().holdout(0)).isEqualTo(HoldoutScope.CAMPAIGN);
    assertThat(ex.inputs().wouldBe(0)).isEqualTo(Reason.PROMOTED);
    assertThat(ex.inputs().ghost(0)).isTrue();
    assertThat(ex.inputs().ghost(1)).isFalse();
    assertThat(ex.inputs().holdout(1)).isNull();
    assertThat(pacing.pacer("c1").lease()).as("nothing taken from the lease").isEqualTo(10);
    assertThat(pacing.pacer("c2").lease()).isEqualTo(9);
    long now = NOW.toEpochMilli() + SLOT_MS;
    assertThat(pacing.pacer("c1").report(now, SLOT_MS, heldOut("c1", 1.0, "a")).attempts())
        .as("a held-out listener is no demand")
        .isZero();
  }

  @Test
  void theHoldoutGateComesBeforeNoScoreAndAfterTheInMemoryGates() {
    catalog(null, heldOut("c1", 1.0, "a"));

    ScoreExchange ex = score("u-1", -1, "a", "tNone"); // "a" has no score row

    assertThat(reasons(ex)).containsExactly(Reason.HOLDOUT, Reason.NOT_ENROLLED);
    assertThat(ex.inputs().wouldBe(0)).isEqualTo(Reason.NO_SCORE);
    // the gate order is the declaration order
    List<Reason> order = List.of(Reason.values());
    assertThat(order.indexOf(Reason.HOLDOUT)).isEqualTo(order.indexOf(Reason.MARKET_EXCLUDED) + 1);
    assertThat(order.indexOf(Reason.HOLDOUT)).isEqualTo(order.indexOf(Reason.NO_SCORE) - 1);
  }

  @Test
  void aPausedCampaignAnswersPausedEvenToAHeldOutListener() {
    Campaign c = heldOut("c1", 1.0, "a");
    Campaign paused =
        new Campaign(
            c.id(),
            c.tracks(),
            c.surfaces(),
            c.markets(),
            c.start(),
            c.end(),
            c.budget(),
            c.pacing(),
            c.frequencyCap(),
            c.boost(),
            CampaignStatus.PAUSED,
            null,
            c.label(),
            c.holdout());
    catalog(null, paused);

    assertThat(reasons(score("u-1", -1, "a"))).containsExactly(Reason.PAUSED);
  }

  @Test
  void aSurfaceHoldoutHoldsTheListenerOutOfEveryCampaignThere() {
    surfaces = new Holdouts(Map.of("autoplay", new Holdout(1.0, "surface-holdout/autoplay")));
    catalog(null, campaign("c1", CampaignStatus.ACTIVE, null, "a"));
    scores.put(SNAP, "a", "default=0.4;");
    leased("c1", 10);

    ScoreExchange ex = score("u-1", -1, "a");

    assertThat(reasons(ex)).containsExactly(Reason.HOLDOUT);
    assertThat(ex.inputs().holdout(0)).isEqualTo(HoldoutScope.SURFACE);
    assertThat(ex.inputs().ghost(0)).isTrue();
  }

  @Test
  void aPartialHoldoutHoldsOutTheSameListenersEveryTime() {
    catalog(null, heldOut("c1", 0.3, "a"));
    scores.put(SNAP, "a", "default=0.4;");
    leased("c1", 1_000);
    int held = 0;
    for (int i = 0; i < 400; i++) {
      String u = "u-" + i;
      boolean expected = ListenerSplit.in("holdout/c1", u, 0.3);
      Reason first = score(u, -1, "a").decision(0).reason();
      assertThat(score(u, -1, "a").decision(0).reason()).isEqualTo(first);
      assertThat(first).isEqualTo(expected ? Reason.HOLDOUT : Reason.PROMOTED);
      held += expected ? 1 : 0;
    }
    assertThat(held).isBetween(80, 160);
  }

  @Test
  void aGhostMeetsTheAnswersSlotLimitBesideTheRealPromotions() {
    catalog(
        null,
        heldOut("c1", 1.0, "low", "high"),
        campaign("c2", CampaignStatus.ACTIVE, null, "real"));
    scores
        .put(SNAP, "low", "default=0.1;")
        .put(SNAP, "high", "default=0.9;")
        .put(SNAP, "real", "default=0.5;");
    leased("c1", 10);
    leased("c2", 10);

    ScoreExchange ex = score("u-1", 1, "low", "real", "high");

    // the answer: the held-out campaign takes no slot, the real one keeps it
    assertThat(reasons(ex)).containsExactly(Reason.HOLDOUT, Reason.PROMOTED, Reason.HOLDOUT);
    // had they been promoted, "high" (1.8) would have won the only slot, "low" (0.2) lost it
    assertThat(ex.inputs().wouldBe(0)).isEqualTo(Reason.SLOT_LIMIT);
    assertThat(ex.inputs().wouldBe(2)).isEqualTo(Reason.PROMOTED);
    assertThat(ex.inputs().ghost(0)).isFalse();
    assertThat(ex.inputs().ghost(2)).isTrue();
  }

  @Test
  void theBaseScoreAndPassRateOfEachLookedUpDecisionAreKept() {
    catalog(null, campaign("c1", CampaignStatus.ACTIVE, null, "a"));
    scores.put(SNAP, "a", "default=0.4;");
    leased("c1", 10);

    ScoreExchange ex = score("u-1", -1, "a", "tNone");

    assertThat(ex.inputs().baseScore(0)).isEqualTo(0.4);
    assertThat(ex.inputs().passRate(0)).isEqualTo(1.0);
    assertThat(ex.inputs().baseScore(1)).isNaN();
    assertThat(ex.inputs().passRate(1)).isNaN();
  }
}
