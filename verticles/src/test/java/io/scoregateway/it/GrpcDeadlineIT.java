package io.scoregateway.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.scoregateway.devredis.LocalRedis;
import io.scoregateway.grpc.v1.Reason;
import io.scoregateway.grpc.v1.ScoreRequest;
import io.scoregateway.grpc.v1.ScoreResponse;
import io.scoregateway.grpc.v1.ScoreResult;
import io.scoregateway.grpc.v1.ScoreStreamResponse;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The gRPC deadline is the request deadline: with Redis paused far longer than the caller's
 * deadline, the call still ends OK before it, unresolved candidates degraded. The gateway's own
 * default (5 s here) would be far too late, so an answer in time proves the caller's deadline was
 * used.
 */
class GrpcDeadlineIT {
  static TestGateway gw;
  static GrpcClient client;

  @BeforeAll
  static void setUp() throws Exception {
    gw = TestGateway.startWithGrpc(LocalRedis.start(), 1, null, 5_000);
    gw.snapshot("s", true, "t1", "", 0.5);
    assertThat(gw.putCampaign("c1", TestGateway.campaign("t1")).statusCode()).isEqualTo(200);
    client = new GrpcClient(gw.grpcPort);
  }

  @AfterAll
  static void tearDown() throws Exception {
    client.close();
    gw.close();
  }

  static ScoreRequest request() {
    return ScoreRequest.newBuilder()
        .setUser("u-1")
        .setSurface("autoplay")
        .setMarket("SE")
        .addCandidates("t0")
        .addCandidates("t1")
        .addCandidates("t0")
        .build();
  }

  @Test
  void deadlineShorterThanASlowRedisAnswersDegradedWithStatusOk() throws Exception {
    assertThat(client.blocking().score(request()).getResults(1).getReason())
        .isEqualTo(Reason.REASON_PROMOTED);
    assertThat(gw.redis.command("CLIENT PAUSE 1000 ALL")).isEqualTo("+OK");

    long start = System.nanoTime();
    ScoreResponse r =
        client.blocking().withDeadlineAfter(250, TimeUnit.MILLISECONDS).score(request());
    long tookMs = (System.nanoTime() - start) / 1_000_000;

    assertThat(r.getDegraded()).isTrue();
    assertThat(r.getResults(0).getReason()).isEqualTo(Reason.REASON_NOT_ENROLLED);
    assertThat(r.getResults(1).getReason()).isEqualTo(Reason.REASON_DEGRADED);
    assertThat(r.getResults(1).getCampaign()).isEqualTo("c1");
    assertThat(r.getResults(1).getPromoted()).isFalse();
    assertThat(r.getResults(2).getReason()).isEqualTo(Reason.REASON_NOT_ENROLLED);
    assertThat(tookMs).as("answered within the 250 ms deadline").isLessThan(250);

    // the stream ends on time as well: the final results, then done with degraded set
    Iterator<ScoreStreamResponse> it =
        client.blocking().withDeadlineAfter(250, TimeUnit.MILLISECONDS).scoreStream(request());
    List<ScoreResult> results = new ArrayList<>();
    ScoreStreamResponse last = null;
    while (it.hasNext()) {
      last = it.next();
      results.addAll(last.getResults().getResultsList());
    }
    assertThat(results)
        .extracting(ScoreResult::getReason)
        .containsExactly(
            Reason.REASON_NOT_ENROLLED, Reason.REASON_DEGRADED, Reason.REASON_NOT_ENROLLED);
    assertThat(last.getDone().getDegraded()).isTrue();

    // after the pause, answers resolve again without a restart
    TestGateway.sleep(1100);
    Reason reason = null;
    for (int i = 0; i < 20 && reason != Reason.REASON_PROMOTED; i++) {
      reason = client.blocking().score(request()).getResults(1).getReason();
      TestGateway.sleep(reason == Reason.REASON_PROMOTED ? 0 : 100);
    }
    assertThat(reason).isEqualTo(Reason.REASON_PROMOTED);
  }
}
