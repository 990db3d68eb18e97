package io.scoregateway.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.Channel;
import io.grpc.Status;
import io.scoregateway.auth.Client;
import io.scoregateway.auth.Role;
import io.scoregateway.auth.TokenAuthenticator;
import io.scoregateway.grpc.v1.DeliveriesRequest;
import io.scoregateway.grpc.v1.DeliveriesResponse;
import io.scoregateway.grpc.v1.DeliveryEvent;
import io.scoregateway.grpc.v1.Reason;
import io.scoregateway.grpc.v1.ScoreRequest;
import io.scoregateway.grpc.v1.ScoreServiceGrpc;
import io.vertx.grpc.health.v1.HealthCheckResponse.ServingStatus;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every method against every kind of caller, with the token in the call's metadata: none, a
 * malformed authorization value, an unknown token (UNAUTHENTICATED), a known token without the role
 * (PERMISSION_DENIED), the right role (OK). Denied deliveries count nothing; health needs no token;
 * no token comes back in a status message.
 */
class GrpcAuthIT {
  static final String PZN = "pzn-token";
  static final String OPS = "ops-token";
  static final String SCORER = "scorer-token";
  static final String UNKNOWN = "not-a-known-token-7f3a";

  static TestGateway gw;
  static GrpcClient client;

  @BeforeAll
  static void setUp() throws Exception {
    gw =
        TestGateway.startWithGrpc(
            1,
            new TokenAuthenticator(
                List.of(
                    new Client(
                        "pzn", Set.of(Role.SCORE, Role.DELIVER), TokenAuthenticator.sha256(PZN)),
                    new Client("ops", Set.of(Role.ADMIN), TokenAuthenticator.sha256(OPS)),
                    new Client("scorer", Set.of(Role.SCORE), TokenAuthenticator.sha256(SCORER)))));
    gw.snapshot("snap-a", false, "t1", "", 0.5);
    gw.activate("snap-a", OPS);
    assertThat(gw.putCampaign("c-auth", TestGateway.campaign("t1"), OPS).statusCode())
        .isEqualTo(200);
    client = new GrpcClient(gw.grpcPort);
  }

  @AfterAll
  static void tearDown() throws Exception {
    client.close();
    gw.close();
  }

  static final ScoreRequest SCORE =
      ScoreRequest.newBuilder()
          .setUser("u-1")
          .setSurface("autoplay")
          .setMarket("SE")
          .addCandidates("t1")
          .build();

  static DeliveriesRequest delivery(String id) {
    return DeliveriesRequest.newBuilder()
        .addEvents(
            DeliveryEvent.newBuilder()
                .setId(id)
                .setUser("u-1")
                .setTrack("t1")
                .setCampaign("c-auth")
                .setSurface("autoplay")
                .setTs(
                    com.google.protobuf.Timestamp.newBuilder()
                        .setSeconds(Instant.parse("2026-11-28T11:59:00Z").getEpochSecond())))
        .build();
  }

  /** The three methods, each as a call on a channel that throws on a non-OK status. */
  static final List<Consumer<Channel>> SCORING =
      List.of(
          ch -> ScoreServiceGrpc.newBlockingStub(ch).score(SCORE),
          ch -> ScoreServiceGrpc.newBlockingStub(ch).scoreStream(SCORE).forEachRemaining(m -> {}));

  static Status status(Consumer<Channel> call, Channel ch) {
    return GrpcClient.statusOf(() -> call.accept(ch));
  }

  static void expectDenied(
      Consumer<Channel> call, Channel ch, Status.Code code, String messagePart) {
    Status s = status(call, ch);
    assertThat(s.getCode()).isEqualTo(code);
    assertThat(s.getDescription()).startsWith("authorization: ").contains(messagePart);
    for (String secret : List.of(PZN, OPS, SCORER, UNKNOWN)) {
      assertThat(s.getDescription()).doesNotContain(secret);
    }
  }

  @Test
  void scoringNeedsATokenWithTheScoreRole() {
    for (Consumer<Channel> call : SCORING) {
      expectDenied(call, client.channel(null), Status.Code.UNAUTHENTICATED, "missing or invalid");
      expectDenied(
          call, client.withAuthorization("Basic cHpuOnB6bg=="), Status.Code.UNAUTHENTICATED, "");
      expectDenied(call, client.channel(UNKNOWN), Status.Code.UNAUTHENTICATED, "");
      expectDenied(
          call, client.channel(OPS), Status.Code.PERMISSION_DENIED, "client ops lacks role score");
      call.accept(client.channel(SCORER));
      call.accept(client.channel(PZN));
    }
    assertThat(client.blocking(SCORER).score(SCORE).getResults(0).getReason())
        .isEqualTo(Reason.REASON_PROMOTED);
  }

  @Test
  void deliveriesNeedTheDeliverRoleAndDeniedOnesCountNothing() {
    Consumer<Channel> deliver =
        ch -> ScoreServiceGrpc.newBlockingStub(ch).deliveries(delivery("e-auth"));
    expectDenied(deliver, client.channel(null), Status.Code.UNAUTHENTICATED, "missing or invalid");
    expectDenied(deliver, client.withAuthorization("Bearer"), Status.Code.UNAUTHENTICATED, "");
    expectDenied(deliver, client.channel(UNKNOWN), Status.Code.UNAUTHENTICATED, "");
    expectDenied(
        deliver,
        client.channel(OPS),
        Status.Code.PERMISSION_DENIED,
        "client ops lacks role deliver");
    expectDenied(
        deliver,
        client.channel(SCORER),
        Status.Code.PERMISSION_DENIED,
        "client scorer lacks role deliver");
    // none of the denied calls counted the event: the first allowed one does
    DeliveriesResponse first = client.blocking(PZN).deliveries(delivery("e-auth"));
    assertThat(first.getAccepted()).isEqualTo(1);
    assertThat(first.getDuplicates()).isZero();
  }

  @Test
  void healthNeedsNoToken() {
    assertThat(client.health("")).isEqualTo(ServingStatus.SERVING);
  }
}
