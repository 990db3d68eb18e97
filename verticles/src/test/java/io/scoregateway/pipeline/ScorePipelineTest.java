package io.scoregateway.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.scoregateway.allocate.AllocationRules;
import io.scoregateway.catalog.CampaignIndex;
import io.scoregateway.catalog.LiveCatalog;
import io.scoregateway.model.Campaign;
import io.scoregateway.model.CampaignStatus;
import io.scoregateway.model.Decision;
import io.scoregateway.model.FrequencyCap;
import io.scoregateway.model.PacingMode;
import io.scoregateway.model.Reason;
import io.scoregateway.model.ScoreRequest;
import io.scoregateway.pacing.ManualClock;
import io.scoregateway.pacing.PacingController;
import io.scoregateway.pacing.PacingView;
import io.scoregateway.store.InMemoryFrequencyStore;
import io.scoregateway.store.InMemoryScoreStore;
import io.scoregateway.store.ScoreEntry;
import io.scoregateway.store.ScoreStore;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The scoring path over in-memory stores: which gate answers, what is looked up, and when. */
@ExtendWith(VertxExtension.class)
class ScorePipelineTest {
  static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");
  static final long SLOT_MS = 60_000;
  static final String SNAP = "snap";

  final ManualClock clock = new ManualClock(NOW);
  final LiveCatalog catalog = new LiveCatalog();
  final PacingView pacing = new PacingView();
  final InMemoryScoreStore scores = new InMemoryScoreStore();
  final InMemoryFrequencyStore frequency = new InMemoryFrequencyStore();

  static Campaign campaign(String id, CampaignStatus status, FrequencyCap cap, String... tracks) {
    return new Campaign(
        id,
        List.of(tracks),
        Set.of("autoplay"),
        null,
        NOW.minusSeconds(86_400),
        NOW.plusSeconds(86_400),
        1000,
        PacingMode.EVEN,
        cap,
        2.0,
        status);
  }

  static ScoreRequest request(int maxPromoted, String... candidates) {
    return new ScoreRequest(
        "u-1",
        "autoplay",
        "SE",
        ScoreRequest.DEFAULT_SEGMENT,
        List.of(candidates),
        maxPromoted,
        false);
  }

  void catalog(Campaign... campaigns) {
    catalog.replace(new LiveCatalog.View(CampaignIndex.of(List.of(campaigns)), 1, SNAP, true));
  }

  /** The campaign's pacer as a refresh leaves it: everything admitted, {@code grant} to promote. */
  void leased(String campaign, long grant) {
    pacing
        .pacer(campaign)
        .apply(
            new PacingController.Lease(
                1.0, NOW.toEpochMilli() / SLOT_MS, grant, false, 0, 0, 0, false, 0, 0));
  }

  ScorePipeline pipeline(ScoreStore store, ExchangeObserver observer) {
    return new ScorePipeline(
        catalog, store, pacing, SLOT_MS, frequency, clock, observer, AllocationRules.DEFAULTS);
  }

  /** A refresh that also brought the campaign's rated plays and skips in the window. */
  void leased(String campaign, long grant, long plays, long skips) {
    pacing
        .pacer(campaign)
        .apply(
            new PacingController.Lease(
                1.0, NOW.toEpochMilli() / SLOT_MS, grant, false, 0, 0, 0, false, plays, skips));
  }

  static Campaign labelled(String id, String label, String... tracks) {
    return new Campaign(
        id,
        List.of(tracks),
        Set.of("autoplay"),
        null,
        NOW.minusSeconds(86_400),
        NOW.plusSeconds(86_400),
        1000,
        PacingMode.EVEN,
        null,
        1.0,
        CampaignStatus.ACTIVE,
        null,
        label);
  }

  ScoreExchange score(ScoreRequest req, String rules) {
    ScoreExchange ex = new ScoreExchange(req, new HopTimings(System.nanoTime()));
    ScorePipeline p =
        new ScorePipeline(
            catalog,
            scores,
            pacing,
            SLOT_MS,
            frequency,
            clock,
            ExchangeObserver.NONE,
            AllocationRules.parse(rules));
    assertThat(p.run(ex).succeeded()).isTrue();
    ex.close();
    return ex;
  }

  /** Runs the pipeline to completion and closes the exchange, as the route does. */
  ScoreExchange score(ScoreRequest req) {
    ScoreExchange ex = new ScoreExchange(req, new HopTimings(System.nanoTime()));
    assertThat(pipeline(scores, ExchangeObserver.NONE).run(ex).succeeded()).isTrue();
    ex.close();
    return ex;
  }

  static List<Reason> reasons(ScoreExchange ex) {
    List<Reason> out = new ArrayList<>();
    for (int i = 0; i < ex.size(); i++) {
      out.add(ex.decision(i).reason());
    }
    return out;
  }

  @Test
  void eachCandidateIsAnsweredByItsFirstFailingGate() {
    catalog(
        campaign("c1", CampaignStatus.ACTIVE, null, "tPromo", "tNoScore"),
        campaign("c2", CampaignStatus.PAUSED, null, "tPaused"),
        campaign("c3", CampaignStatus.ACTIVE, new FrequencyCap(2, 3_600), "tCapped"));
    scores.put(SNAP, "tPromo", "default=0.4;").put(SNAP, "tCapped", "default=0.9;");
    frequency.set("u-1", "c3", 2);
    leased("c1", 10);
    leased("c3", 10);

    ScoreExchange ex = score(request(-1, "tNone", "tPaused", "tNoScore", "tPromo", "tCapped"));

    assertThat(reasons(ex))
        .containsExactly(
            Reason.NOT_ENROLLED,
            Reason.PAUSED,
            Reason.NO_SCORE,
            Reason.PROMOTED,
            Reason.FREQUENCY_CAPPED);
    Decision promoted = ex.decision(3);
    assertThat(promoted.score()).isEqualTo(0.8); // base 0.4 times boost 2
    assertThat(promoted.campaign()).isEqualTo("c1");
    assertThat(ex.decision(0).campaign()).isNull();
    assertThat(ex.degraded()).isFalse();
    assertThat(ex.snapshot()).isEqualTo(SNAP);
    assertThat(pacing.pacer("c1").lease()).isEqualTo(9);
  }

  @Test
  void onlyCandidatesPastTheInMemoryGatesAreLookedUpInOneCallPerStore() {
    catalog(
        campaign("c1", CampaignStatus.ACTIVE, null, "t1", "t2"),
        campaign("c2", CampaignStatus.PAUSED, null, "tPaused"),
        campaign("c3", CampaignStatus.ACTIVE, new FrequencyCap(5, 3_600), "t3"));
    scores.put(SNAP, "t1", "default=0.5;");

    score(request(-1, "t1", "tNone", "tPaused", "t2", "t1", "t3"));

    // each distinct track once, in first-seen order; the listener's counts for capped ones only
    assertThat(scores.calls()).containsExactly(List.of("t1", "t2", "t3"));
    assertThat(frequency.calls()).containsExactly(List.of("c3"));
  }

  @Test
  void maxPromotedKeepsTheBestScoresAndGivesTheOtherPromotionsBack() {
    catalog(campaign("c1", CampaignStatus.ACTIVE, null, "a", "b", "c"));
    scores
        .put(SNAP, "a", "default=0.1;")
        .put(SNAP, "b", "default=0.9;")
        .put(SNAP, "c", "default=0.5;");
    leased("c1", 10);

    ScoreExchange ex = score(request(1, "a", "b", "c"));

    assertThat(reasons(ex)).containsExactly(Reason.SLOT_LIMIT, Reason.PROMOTED, Reason.SLOT_LIMIT);
    assertThat(ex.decision(0).score()).isZero();
    assertThat(pacing.pacer("c1").lease()).isEqualTo(9);
  }

  @Test
  void oneAnswerPromotesNoMoreOfACampaignThanTheListenerMayStillReceive() {
    catalog(campaign("c1", CampaignStatus.ACTIVE, new FrequencyCap(3, 3_600), "a", "b"));
    scores.put(SNAP, "a", "default=0.2;").put(SNAP, "b", "default=0.7;");
    frequency.set("u-1", "c1", 2);
    leased("c1", 10);

    ScoreExchange ex = score(request(-1, "a", "b"));

    assertThat(reasons(ex)).containsExactly(Reason.FREQUENCY_CAPPED, Reason.PROMOTED);
    assertThat(pacing.pacer("c1").lease()).isEqualTo(9);
  }

  @Test
  void theSegmentsScoreIsUsedAndTheDefaultOtherwise() {
    catalog(campaign("c1", CampaignStatus.ACTIVE, null, "a", "b"));
    scores.put(SNAP, "a", "default=0.1;s3=0.3;").put(SNAP, "b", "default=0.2;");
    leased("c1", 10);
    ScoreRequest req =
        new ScoreRequest("u-1", "autoplay", "SE", "s3", List.of("a", "b"), -1, false);

    ScoreExchange ex = score(req);

    assertThat(ex.decision(0).score()).isEqualTo(0.6);
    assertThat(ex.decision(1).score()).isEqualTo(0.4);
  }

  @Test
  void whileTheCatalogIsNotLoadedNothingIsDecidedOrLookedUp() {
    ScoreExchange ex = score(request(-1, "t1", "t2"));

    assertThat(reasons(ex)).containsOnly(Reason.DEGRADED);
    assertThat(ex.degraded()).isTrue();
    assertThat(scores.calls()).isEmpty();
    assertThat(frequency.calls()).isEmpty();
  }

  @Test
  void theAllocationStageRunsThroughTheObserverWithTheLookedUpCount() {
    catalog(campaign("c1", CampaignStatus.ACTIVE, null, "a", "b"));
    scores.put(SNAP, "a", "default=0.5;");
    leased("c1", 10);
    List<Integer> observed = new ArrayList<>();
    ExchangeObserver recording =
        new ExchangeObserver() {
          @Override
          public void allocation(ScoreExchange ex, int lookedUp, Runnable stage) {
            assertThat(ex.isFinal(0)).isFalse();
            stage.run();
            observed.add(lookedUp);
          }

          @Override
          public void answer(ScoreExchange ex, Runnable write) {
            write.run();
          }
        };
    ScoreExchange ex =
        new ScoreExchange(request(-1, "a", "b", "tNone"), new HopTimings(System.nanoTime()));

    pipeline(scores, recording).run(ex);

    assertThat(observed).containsExactly(2);
    assertThat(ex.decision(0).reason()).isEqualTo(Reason.PROMOTED);
  }

  @Test
  void aLookupAnsweringAfterTheExchangeClosedChangesNothing(Vertx vertx, VertxTestContext test) {
    catalog(campaign("c1", CampaignStatus.ACTIVE, null, "a"));
    scores.put(SNAP, "a", "default=0.5;");
    leased("c1", 10);
    // Redis answers 50 ms late; the route's deadline closes the exchange before that
    ScoreStore late =
        (snapshot, tracks) -> {
          Promise<ScoreEntry[]> answer = Promise.promise();
          vertx.setTimer(50, id -> scores.scores(snapshot, tracks).onComplete(answer));
          return answer.future();
        };
    ScoreExchange ex =
        new ScoreExchange(request(-1, "a", "tNone"), new HopTimings(System.nanoTime()));
    vertx.runOnContext(
        v -> {
          pipeline(late, ExchangeObserver.NONE)
              .run(ex)
              .onComplete(
                  test.succeeding(
                      done ->
                          test.verify(
                              () -> {
                                assertThat(reasons(ex))
                                    .containsExactly(Reason.DEGRADED, Reason.NOT_ENROLLED);
                                assertThat(ex.degraded()).isTrue();
                                assertThat(pacing.pacer("c1").lease()).isEqualTo(10);
                                test.completeNow();
                              })));
          vertx.setTimer(5, id -> ex.close());
        });
  }

  @Test
  void theSurfacesGuardrailsAnswerWithTheirOwnReasons() {
    catalog(
        labelled("c1", "lbl", "low", "a"),
        labelled("c2", "lbl", "b"),
        labelled("c3", null, "c"),
        labelled("cSkip", null, "s1", "s2"));
    scores
        .put(SNAP, "low", "default=0.2;")
        .put(SNAP, "a", "default=0.6;")
        .put(SNAP, "b", "default=0.8;")
        .put(SNAP, "c", "default=0.5;")
        .put(SNAP, "s1", "default=0.9;")
        .put(SNAP, "s2", "default=0.9;");
    leased("c1", 10);
    leased("c2", 10);
    leased("c3", 10);
    // skipped 15 of 20 rated plays: over 0.5, and a hold share of 0 keeps every listener away
    leased("cSkip", 10, 20, 15);
    String rules =
        "autoplay: floor=0.3, per_label=1, max_skip_rate=0.5, min_plays=10, hold_share=0";

    // no max_promoted: the label limit alone decides between c1's a and c2's b
    ScoreExchange ex = score(request(-1, "low", "a", "b", "c", "s1", "s2"), rules);

    assertThat(reasons(ex))
        .containsExactly(
            Reason.BELOW_FLOOR,
            Reason.LABEL_LIMIT,
            Reason.PROMOTED,
            Reason.PROMOTED,
            Reason.ENGAGEMENT_HOLD,
            Reason.ENGAGEMENT_HOLD);
    // the loser gave its lease unit back; the floor and the hold took none
    assertThat(pacing.pacer("c1").lease()).isEqualTo(10);
    assertThat(pacing.pacer("c2").lease()).isEqualTo(9);
    assertThat(pacing.pacer("cSkip").lease()).isEqualTo(10);

    // on another surface no rule is in force
    ScoreExchange radio =
        score(
            new ScoreRequest(
                "u-1", "radio", "SE", ScoreRequest.DEFAULT_SEGMENT, List.of("a", "b"), -1, false),
            rules);
    assertThat(reasons(radio)).containsOnly(Reason.SURFACE_EXCLUDED);
  }

  @Test
  void explainShowsTheLabelCountEvenWhenNobodyLoses() {
    catalog(labelled("c1", "lbl", "a"), labelled("c2", "other", "b"));
    scores.put(SNAP, "a", "default=0.6;").put(SNAP, "b", "default=0.8;");
    leased("c1", 10);
    leased("c2", 10);
    ScoreRequest req =
        new ScoreRequest(
            "u-1", "autoplay", "SE", ScoreRequest.DEFAULT_SEGMENT, List.of("a", "b"), -1, true);

    ScoreExchange ex = score(req, "autoplay: per_label=1");

    assertThat(reasons(ex)).containsExactly(Reason.PROMOTED, Reason.PROMOTED);
    Decision.Explain why = ex.decision(0).explain();
    assertThat(why.label()).isEqualTo("lbl");
    assertThat(why.labelCount()).isZero();
    assertThat(why.labelMax()).isEqualTo(1);
    assertThat(why.urgency()).isEqualTo(1.0);
  }
}
