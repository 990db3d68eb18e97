package io.scoregateway.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.util.concurrent.ListenableFuture;
import com.google.protobuf.Timestamp;
import io.grpc.Status;
import io.scoregateway.grpc.v1.DeliveriesRequest;
import io.scoregateway.grpc.v1.DeliveriesResponse;
import io.scoregateway.grpc.v1.DeliveryEvent;
import io.scoregateway.grpc.v1.ScoreServiceGrpc;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code Deliveries} over gRPC on {@link DeliveriesIT}'s data: each event counted exactly once by
 * (campaign, id), whichever protocol or instance reports it, retries included; an id reused for
 * another listener is refused on both sides; an unconfirmed call is UNAVAILABLE and safe to retry.
 */
class GrpcDeliveriesIT {
  static TestGateway gw;
  static GrpcClient client;

  @BeforeAll
  static void setUp() throws Exception {
    // DeliveriesIT's seed and counters read through its own static gateway
    DeliveriesIT.gw = TestGateway.startWithGrpc(2, null);
    DeliveriesIT.seed();
    gw = DeliveriesIT.gw;
    client = new GrpcClient(gw.grpcPort);
  }

  @AfterAll
  static void tearDown() throws Exception {
    client.close();
    gw.close();
    DeliveriesIT.gw = null;
  }

  static DeliveryEvent event(String id, String user, String track, String campaign) {
    return DeliveryEvent.newBuilder()
        .setId(id)
        .setUser(user)
        .setTrack(track)
        .setCampaign(campaign)
        .setSurface("autoplay")
        .setTs(
            Timestamp.newBuilder()
                .setSeconds(Instant.parse("2026-11-28T11:59:00Z").getEpochSecond()))
        .build();
  }

  static DeliveriesResponse deliver(DeliveryEvent... events) {
    return client
        .blocking()
        .deliveries(DeliveriesRequest.newBuilder().addAllEvents(List.of(events)).build());
  }

  @Test
  void countsOnceAndAnswersRetriesAsDuplicates() {
    long before = DeliveriesIT.delivered("c1");
    DeliveriesResponse first = deliver(event("g-1", "u-g1", "t1", "c1"));
    assertThat(first.getAccepted()).isEqualTo(1);
    assertThat(first.getDuplicates()).isZero();
    assertThat(first.getRejectedList()).isEmpty();
    DeliveriesResponse retry = deliver(event("g-1", "u-g1", "t1", "c1"));
    assertThat(retry.getAccepted()).isZero();
    assertThat(retry.getDuplicates()).isEqualTo(1);
    assertThat(DeliveriesIT.delivered("c1")).isEqualTo(before + 1);
    assertThat(DeliveriesIT.frequency("u-g1", "c1")).isEqualTo(1);
  }

  @Test
  void theJsonApiAndGrpcShareOneLedger() {
    long before = DeliveriesIT.delivered("c2");
    assertThat(deliver(event("g-2", "u-g2", "t2", "c2")).getAccepted()).isEqualTo(1);
    var http = DeliveriesIT.deliver(DeliveriesIT.event("g-2", "u-g2", "t2", "c2"));
    assertThat(http.bodyAsJsonObject().getInteger("duplicates")).isEqualTo(1);
    var httpFirst = DeliveriesIT.deliver(DeliveriesIT.event("g-3", "u-g2", "t2", "c2"));
    assertThat(httpFirst.bodyAsJsonObject().getInteger("accepted")).isEqualTo(1);
    assertThat(deliver(event("g-3", "u-g2", "t2", "c2")).getDuplicates()).isEqualTo(1);
    assertThat(DeliveriesIT.delivered("c2")).isEqualTo(before + 2);
  }

  @Test
  void everyEventSentTwiceConcurrentlyIsCountedOnce() throws Exception {
    long before = DeliveriesIT.delivered("c2");
    ScoreServiceGrpc.ScoreServiceFutureStub stub =
        ScoreServiceGrpc.newFutureStub(client.channel(null));
    List<ListenableFuture<DeliveriesResponse>> calls = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      DeliveriesRequest r =
          DeliveriesRequest.newBuilder().addEvents(event("g-c" + i, "u-c" + i, "t2", "c2")).build();
      calls.add(stub.deliveries(r));
      calls.add(stub.deliveries(r));
    }
    int accepted = 0;
    int duplicates = 0;
    for (ListenableFuture<DeliveriesResponse> f : calls) {
      DeliveriesResponse r = f.get(10, TimeUnit.SECONDS);
      accepted += r.getAccepted();
      duplicates += r.getDuplicates();
    }
    assertThat(accepted).isEqualTo(20);
    assertThat(duplicates).isEqualTo(20);
    assertThat(DeliveriesIT.delivered("c2")).isEqualTo(before + 20);
  }

  @Test
  void anEventIdReusedForAnotherListenerIsRefusedOnBothSides() {
    assertThat(deliver(event("g-4", "u-g40", "t1", "c1")).getAccepted()).isEqualTo(1);
    DeliveriesResponse other = deliver(event("g-4", "u-g41", "t1", "c1"));
    assertThat(other.getAccepted()).isZero();
    assertThat(other.getRejected(0).getIndex()).isZero();
    assertThat(other.getRejected(0).getError())
        .isEqualTo(
            "id: event id g-4 was already counted for campaign c1 with another user or track");
    assertThat(DeliveriesIT.frequency("u-g40", "c1")).isEqualTo(1);
    assertThat(DeliveriesIT.frequency("u-g41", "c1")).isZero();
  }

  @Test
  void anUnconfirmedCallIsUnavailableAndItsRetryCountsOnce() throws Exception {
    long before = DeliveriesIT.delivered("c2");
    assertThat(gw.redis.command("CLIENT PAUSE 2600 ALL")).isEqualTo("+OK");
    Status s = GrpcClient.statusOf(() -> deliver(event("g-5", "u-g5", "t2", "c2")));
    assertThat(s.getCode()).isEqualTo(Status.Code.UNAVAILABLE);
    assertThat(s.getDescription())
        .startsWith("redis: deliveries not confirmed")
        .endsWith("retrying is safe");
    assertThat(
            client
                .lastTrailers
                .get()
                .get(
                    io.grpc.Metadata.Key.of(
                        "grpc-retry-pushback-ms", io.grpc.Metadata.ASCII_STRING_MARSHALLER)))
        .isEqualTo("1000");
    TestGateway.sleep(800);
    DeliveriesResponse retry = null;
    for (int i = 0; i < 30 && retry == null; i++) {
      try {
        retry = deliver(event("g-5", "u-g5", "t2", "c2"));
      } catch (io.grpc.StatusRuntimeException e) {
        assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.UNAVAILABLE);
        TestGateway.sleep(100);
      }
    }
    assertThat(retry).isNotNull();
    assertThat(retry.getAccepted() + retry.getDuplicates()).isEqualTo(1);
    assertThat(DeliveriesIT.delivered("c2")).isEqualTo(before + 1);
  }

  @Test
  void outcomesCountTowardsTheCampaignsEngagementAndABadOneIsRejectedNamingTheField() {
    JsonObject before = engagement("c2");
    DeliveriesResponse r =
        deliver(
            event("g-o1", "u-o1", "t2", "c2").toBuilder().setSkipped(true).build(),
            event("g-o2", "u-o2", "t2", "c2").toBuilder().setListenedMs(180_000).build(),
            event("g-o3", "u-o3", "t2", "c2").toBuilder().setListenedMs(5_000).build(),
            event("g-o4", "u-o4", "t2", "c2").toBuilder().setListenedMs(-1).build());
    assertThat(r.getAccepted()).isEqualTo(3);
    assertThat(r.getRejectedCount()).isEqualTo(1);
    assertThat(r.getRejected(0).getIndex()).isEqualTo(3);
    assertThat(r.getRejected(0).getError()).startsWith("listened_ms: ");
    JsonObject after = engagement("c2");
    assertThat(after.getLong("plays") - before.getLong("plays", 0L)).isEqualTo(3);
    assertThat(after.getLong("skips") - before.getLong("skips", 0L)).isEqualTo(2);
  }

  private static JsonObject engagement(String campaign) {
    return gw.getCampaign(campaign).bodyAsJsonObject().getJsonObject("engagement");
  }
}
