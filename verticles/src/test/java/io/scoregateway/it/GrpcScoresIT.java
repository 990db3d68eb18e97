package io.scoregateway.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.grpc.Metadata;
import io.grpc.Status;
import io.scoregateway.grpc.v1.Reason;
import io.scoregateway.grpc.v1.ScoreRequest;
import io.scoregateway.grpc.v1.ScoreResponse;
import io.scoregateway.grpc.v1.ScoreResult;
import io.scoregateway.grpc.v1.ScoreStreamResponse;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.grpc.health.v1.HealthCheckResponse.ServingStatus;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code scoregateway.v1.ScoreService} over real HTTP/2 with grpc-java against a real Redis, on
 * {@link ScoresIT}'s data: every reason, request order with duplicates, the same decisions as the
 * JSON API, streaming order, health, metrics.
 */
class GrpcScoresIT {
  static TestGateway gw;
  static GrpcClient client;

  @BeforeAll
  static void setUp() throws Exception {
    // ScoresIT's seed writes through its own static gateway
    ScoresIT.gw = TestGateway.startWithGrpc(2, null);
    ScoresIT.seed();
    gw = ScoresIT.gw;
    client = new GrpcClient(gw.grpcPort);
  }

  @AfterAll
  static void tearDown() throws Exception {
    client.close();
    gw.close();
    ScoresIT.gw = null;
  }

  static ScoreRequest.Builder request(String user, String... candidates) {
    return ScoreRequest.newBuilder()
        .setUser(user)
        .setSurface("autoplay")
        .setMarket("SE")
        .addAllCandidates(List.of(candidates));
  }

  static List<Reason> reasons(ScoreResponse r) {
    return r.getResultsList().stream().map(ScoreResult::getReason).toList();
  }

  @Test
  void everyGateAnswersItsReasonInContractOrder() {
    ScoreResponse r =
        client
            .blocking()
            .score(
                request(
                        "u-1",
                        "tUnknown",
                        "tPaused",
                        "tFlight",
                        "tSurf",
                        "tMarket",
                        "tNoScore",
                        "tBudget",
                        "tFreq",
                        "tPaced",
                        "tP",
                        "tZero")
                    .build());
    assertThat(reasons(r))
        .containsExactly(
            Reason.REASON_NOT_ENROLLED,
            Reason.REASON_PAUSED,
            Reason.REASON_OUTSIDE_FLIGHT,
            Reason.REASON_SURFACE_EXCLUDED,
            Reason.REASON_MARKET_EXCLUDED,
            Reason.REASON_NO_SCORE,
            Reason.REASON_BUDGET_EXHAUSTED,
            Reason.REASON_FREQUENCY_CAPPED,
            Reason.REASON_PACED,
            Reason.REASON_PROMOTED,
            Reason.REASON_NO_SCORE);
    assertThat(r.getSnapshot()).isEqualTo("snap1");
    assertThat(r.getDegraded()).isFalse();
    assertThat(r.getResults(0).getCampaign()).isEmpty();
    assertThat(r.getResults(7).getCampaign()).isEqualTo("cFreq");
    for (int i = 0; i < 9; i++) {
      assertThat(r.getResults(i).getPromoted()).isFalse();
      assertThat(r.getResults(i).getScore()).isZero();
    }
    assertThat(r.getResults(9).getPromoted()).isTrue();
    assertThat(r.getResults(9).getScore()).isCloseTo(1.0, within(1e-9));
  }

  @Test
  void slotLimitKeepsTheHighestScores() {
    ScoreResponse r =
        client.blocking().score(request("u-3", "tB", "tP", "tA").setMaxPromoted(1).build());
    assertThat(reasons(r))
        .containsExactly(
            Reason.REASON_SLOT_LIMIT, Reason.REASON_PROMOTED, Reason.REASON_SLOT_LIMIT);
    ScoreResponse none =
        client.blocking().score(request("u-3", "tP", "tA").setMaxPromoted(0).build());
    assertThat(reasons(none)).containsOnly(Reason.REASON_SLOT_LIMIT);
  }

  @Test
  void resultsFollowRequestOrderAndAnswerDuplicatesEachTime() {
    ScoreResponse r =
        client
            .blocking()
            .score(request("u-4", "tUnknown", "tP", "tUnknown", "tPaused", "tP").build());
    assertThat(r.getResultsList().stream().map(ScoreResult::getTrack))
        .containsExactly("tUnknown", "tP", "tUnknown", "tPaused", "tP");
    assertThat(reasons(r))
        .containsExactly(
            Reason.REASON_NOT_ENROLLED,
            Reason.REASON_PROMOTED,
            Reason.REASON_NOT_ENROLLED,
            Reason.REASON_PAUSED,
            Reason.REASON_PROMOTED);
    assertThat(r.getResults(1)).isEqualTo(r.getResults(4));
  }

  @Test
  void decisionsMatchTheJsonApiFieldForField() {
    String[] tracks = {"tP", "tFallback", "tUnknown", "tPaused", "tA", "tB", "tFreq", "tP"};
    ScoreResponse g =
        client
            .blocking()
            .score(
                request("u-5", tracks).setSegment("s7").setMaxPromoted(2).setExplain(true).build());
    JsonObject body =
        new JsonObject()
            .put("user", "u-5")
            .put("surface", "autoplay")
            .put("market", "SE")
            .put("segment", "s7")
            .put("candidates", new JsonArray(List.of(tracks)))
            .put("max_promoted", 2)
            .put("explain", true);
    JsonObject answer = gw.score(body).bodyAsJsonObject();
    JsonArray json = answer.getJsonArray("results");
    assertThat(g.getResultsCount()).isEqualTo(json.size());
    // the age in whole seconds, read a moment apart
    assertThat(g.hasSnapshotAgeS()).isEqualTo(answer.getValue("snapshot_age_s") != null);
    if (g.hasSnapshotAgeS()) {
      assertThat(g.getSnapshotAgeS()).isCloseTo(answer.getLong("snapshot_age_s"), within(2L));
    }
    for (int i = 0; i < json.size(); i++) {
      JsonObject j = json.getJsonObject(i);
      ScoreResult p = g.getResults(i);
      assertThat(p.getTrack()).isEqualTo(j.getString("track"));
      assertThat(p.getReason().name().toLowerCase(Locale.ROOT))
          .isEqualTo("reason_" + j.getString("reason"));
      assertThat(p.getPromoted()).isEqualTo(j.getBoolean("promoted"));
      assertThat(p.getScore()).isCloseTo(j.getDouble("score"), within(1e-9));
      assertThat(p.getCampaign()).isEqualTo(j.getString("campaign", ""));
      JsonObject e = j.getJsonObject("explain");
      assertThat(p.hasExplain()).isTrue();
      assertThat(p.getExplain().hasBoost()).isEqualTo(e.containsKey("boost"));
      assertThat(p.getExplain().hasBaseScore()).isEqualTo(e.containsKey("base_score"));
      if (e.containsKey("base_score")) {
        assertThat(p.getExplain().getBaseScore())
            .isCloseTo(e.getDouble("base_score"), within(1e-9));
      }
      assertThat(p.getExplain().hasUserCount()).isEqualTo(e.containsKey("user_count"));
      assertThat(p.getExplain().getArm().name())
          .isEqualTo("ARM_" + e.getString("arm").toUpperCase(Locale.ROOT));
      assertThat(p.getExplain().hasExperiment()).isEqualTo(e.containsKey("experiment"));
    }
    // segment s7 scores 0.8, boosted twice
    assertThat(g.getResults(0).getScore()).isCloseTo(1.6, within(1e-9));
  }

  @Test
  void streamSendsResultsInRequestOrderThenDone() {
    String[] tracks = {"tUnknown", "tP", "tPaused", "tUnknown", "tA", "tB", "tP"};
    Iterator<ScoreStreamResponse> it =
        client.blocking().scoreStream(request("u-6", tracks).setMaxPromoted(1).build());
    List<ScoreResult> results = new ArrayList<>();
    ScoreStreamResponse last = null;
    while (it.hasNext()) {
      ScoreStreamResponse m = it.next();
      assertThat(last == null || last.hasResults()).as("nothing after done").isTrue();
      if (m.hasResults()) {
        assertThat(m.getResults().getFirstPosition()).isEqualTo(results.size());
        assertThat(m.getResults().getResultsCount()).isPositive();
        results.addAll(m.getResults().getResultsList());
      }
      last = m;
    }
    assertThat(last.hasDone()).isTrue();
    assertThat(last.getDone().getSnapshot()).isEqualTo("snap1");
    assertThat(last.getDone().getDegraded()).isFalse();
    assertThat(results.stream().map(ScoreResult::getTrack)).containsExactly(tracks);
    ScoreResponse unary = client.blocking().score(request("u-6", tracks).setMaxPromoted(1).build());
    assertThat(results).isEqualTo(unary.getResultsList());
    assertThat(results.get(1).getReason()).isEqualTo(Reason.REASON_PROMOTED);
    assertThat(results.get(6).getReason()).isEqualTo(Reason.REASON_PROMOTED);
    assertThat(results.get(4).getReason()).isEqualTo(Reason.REASON_SLOT_LIMIT);
  }

  @Test
  void answersCarryServerTiming() {
    client.blocking().score(request("u-7", "tP").build());
    String timing =
        client
            .lastTrailers
            .get()
            .get(Metadata.Key.of("server-timing", Metadata.ASCII_STRING_MARSHALLER));
    assertThat(timing).contains("redis;dur=").contains("total;dur=");
  }

  @Test
  void healthAnswersLikeReadiness() {
    assertThat(client.health("")).isEqualTo(ServingStatus.SERVING);
    assertThat(client.health("scoregateway.v1.ScoreService")).isEqualTo(ServingStatus.SERVING);
    assertThat(client.health("grpc.health.v1.Health")).isEqualTo(ServingStatus.SERVING);
    Status unknown = GrpcClient.statusOf(() -> client.health("no.such.Service"));
    assertThat(unknown.getCode()).isEqualTo(Status.Code.NOT_FOUND);
    assertThat(unknown.getDescription()).contains("no.such.Service");
  }

  @Test
  void callsAreCountedByMethodAndStatus() {
    client.blocking().score(request("u-8", "tP", "tUnknown").build());
    GrpcClient.statusOf(() -> client.blocking().score(request("u-8").build()));
    String page = gw.engine.telemetry().scrape().get();
    assertThat(page)
        .containsPattern(
            "gateway_grpc_requests_total\\{code=\"OK\",method=\"scoregateway.v1.ScoreService/Score\"\\} [1-9]")
        .containsPattern(
            "gateway_grpc_requests_total\\{code=\"INVALID_ARGUMENT\",method=\"scoregateway.v1.ScoreService/Score\"\\} [1-9]")
        .contains(
            "gateway_grpc_request_duration_seconds_bucket{method=\"scoregateway.v1.ScoreService/Score\"")
        .contains("gateway_batch_size_count{route=\"grpc scoregateway.v1.ScoreService/Score\"}")
        .containsPattern(
            "gateway_decisions_total\\{arm=\"champion\",reason=\"not_enrolled\"\\} [1-9]");
  }
}
