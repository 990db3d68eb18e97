package io.scoregateway.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.CallOptions;
import io.grpc.ClientCall;
import io.grpc.Metadata;
import io.grpc.Status;
import io.scoregateway.auth.Client;
import io.scoregateway.auth.Role;
import io.scoregateway.auth.TokenAuthenticator;
import io.scoregateway.config.EdgeLimits;
import io.scoregateway.grpc.v1.ScoreRequest;
import io.scoregateway.grpc.v1.ScoreResponse;
import io.scoregateway.grpc.v1.ScoreServiceGrpc;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The HTTP routes' edge bounds hold for gRPC calls, with the same objects: an event loop's
 * in-flight bound (UNAVAILABLE, shared with HTTP), a client's share of it and its rate limit
 * (RESOURCE_EXHAUSTED), each with a retry pushback, and the bound on how long the request message
 * may take (DEADLINE_EXCEEDED). Calls whose message never comes hold their slot, as slow HTTP
 * bodies do.
 */
class GrpcLimitsIT {
  static final int MAX_IN_FLIGHT = 4;
  static final int PER_CLIENT = 3;
  static final long BODY_READ_MS = 3_000;
  static final Metadata.Key<String> PUSHBACK =
      Metadata.Key.of("grpc-retry-pushback-ms", Metadata.ASCII_STRING_MARSHALLER);

  static TestGateway gw;
  static GrpcClient client;
  final List<ClientCall<ScoreRequest, ScoreResponse>> held = new ArrayList<>();

  @BeforeAll
  static void setUp() throws Exception {
    gw =
        TestGateway.startWithLimits(
            new TokenAuthenticator(
                List.of(
                    new Client("a", Set.of(Role.SCORE), TokenAuthenticator.sha256("a-token")),
                    new Client("b", Set.of(Role.SCORE), TokenAuthenticator.sha256("b-token")),
                    new Client("r", Set.of(Role.SCORE), TokenAuthenticator.sha256("r-token"), 2),
                    new Client("ops", Set.of(Role.ADMIN), TokenAuthenticator.sha256("ops-token")))),
            MAX_IN_FLIGHT,
            new EdgeLimits(BODY_READ_MS, PER_CLIENT, 10_000),
            true);
    gw.snapshot("s", false, "t1", "", 0.5);
    gw.activate("s", "ops-token");
    assertThat(gw.putCampaign("c1", TestGateway.campaign("t1"), "ops-token").statusCode())
        .isEqualTo(200);
    client = new GrpcClient(gw.grpcPort);
  }

  @AfterAll
  static void tearDown() throws Exception {
    client.close();
    gw.close();
  }

  @AfterEach
  void release() {
    held.forEach(c -> c.cancel("test over", null));
    held.clear();
    TestGateway.sleep(200);
  }

  static final ScoreRequest REQUEST =
      ScoreRequest.newBuilder()
          .setUser("u-1")
          .setSurface("autoplay")
          .setMarket("SE")
          .addCandidates("t1")
          .build();

  /** Starts a call whose message never comes; it holds its slot until {@link #release}. */
  void hold(String token) {
    start(token, new ClientCall.Listener<>() {});
  }

  /** Starts a call whose message never comes; completes with its status when it ends. */
  CompletableFuture<Status> holdUntilItEnds(String token) {
    CompletableFuture<Status> ended = new CompletableFuture<>();
    start(
        token,
        new ClientCall.Listener<>() {
          @Override
          public void onClose(Status status, Metadata trailers) {
            ended.complete(status);
          }
        });
    return ended;
  }

  private void start(String token, ClientCall.Listener<ScoreResponse> listener) {
    ClientCall<ScoreRequest, ScoreResponse> call =
        client.channel(token).newCall(ScoreServiceGrpc.getScoreMethod(), CallOptions.DEFAULT);
    call.start(listener, new Metadata());
    call.request(1);
    held.add(call);
    // grpc-java writes a call's headers but flushes them with its first message: another call on
    // the same connection sends them on their way
    client.health("");
  }

  static Status score(String token) {
    return GrpcClient.statusOf(() -> client.blocking(token).score(REQUEST));
  }

  @Test
  void aClientsShareAndTheEventLoopsBoundAreSharedWithHttp() {
    for (int i = 0; i < PER_CLIENT; i++) {
      hold("a-token");
    }
    TestGateway.sleep(300);
    Status a = score("a-token");
    assertThat(a.getCode()).isEqualTo(Status.Code.RESOURCE_EXHAUSTED);
    assertThat(a.getDescription()).isEqualTo("client a: already 3 requests in flight");
    assertThat(client.lastTrailers.get().get(PUSHBACK)).isEqualTo("1000");

    hold("b-token");
    TestGateway.sleep(300);
    Status b = score("b-token");
    assertThat(b.getCode()).isEqualTo(Status.Code.UNAVAILABLE);
    assertThat(b.getDescription())
        .isEqualTo("server: at capacity (4 requests in flight per event loop)");
    assertThat(client.lastTrailers.get().get(PUSHBACK)).isEqualTo("1000");
    // the same event loop's HTTP requests are shed too: the bound is the loop's, not a protocol's
    int http =
        gw.http
            .post(gw.port, "127.0.0.1", "/v1/scores")
            .putHeader("authorization", "Bearer b-token")
            .sendJsonObject(
                new JsonObject()
                    .put("user", "u-1")
                    .put("surface", "autoplay")
                    .put("market", "SE")
                    .put("candidates", new JsonArray().add("t1")))
            .await()
            .statusCode();
    assertThat(http).isEqualTo(503);

    release();
    assertThat(client.blocking("b-token").score(REQUEST).getResultsCount()).isEqualTo(1);
  }

  @Test
  void aClientOverItsRateIsRefusedUntilItsBucketRefills() {
    long start = System.nanoTime();
    int admitted = 0;
    int refused = 0;
    for (int i = 0; i < 12; i++) {
      try {
        client.blocking("r-token").score(REQUEST);
        admitted++;
      } catch (io.grpc.StatusRuntimeException e) {
        assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.RESOURCE_EXHAUSTED);
        assertThat(e.getStatus().getDescription())
            .isEqualTo("client r: over its limit of 2 requests/s");
        assertThat(client.lastTrailers.get().get(PUSHBACK)).isEqualTo("1000");
        refused++;
      }
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    assertThat(refused).isPositive();
    // a second's burst plus what the bucket refilled meanwhile
    assertThat((double) admitted).isLessThanOrEqualTo(2 + 2 * seconds + 1);
    TestGateway.sleep(1_100);
    assertThat(client.blocking("r-token").score(REQUEST).getResultsCount()).isEqualTo(1);
  }

  @Test
  void aMessageThatNeverComesEndsTheCallAndFreesItsSlot() throws Exception {
    long start = System.nanoTime();
    Status s = holdUntilItEnds("a-token").get(BODY_READ_MS + 5_000, TimeUnit.MILLISECONDS);
    long tookMs = (System.nanoTime() - start) / 1_000_000;
    assertThat(s.getCode()).isEqualTo(Status.Code.DEADLINE_EXCEEDED);
    assertThat(s.getDescription()).isEqualTo("request: message not received within 3000 ms");
    assertThat(tookMs).isBetween(BODY_READ_MS - 100, BODY_READ_MS + 2_000);
    for (int i = 0; i < PER_CLIENT; i++) {
      assertThat(client.blocking("a-token").score(REQUEST).getResultsCount()).isEqualTo(1);
    }
  }
}
