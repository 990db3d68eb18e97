package io.scoregateway.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Timestamp;
import com.google.protobuf.UnknownFieldSet;
import io.grpc.Status;
import io.scoregateway.grpc.v1.DeliveriesRequest;
import io.scoregateway.grpc.v1.DeliveriesResponse;
import io.scoregateway.grpc.v1.DeliveryEvent;
import io.scoregateway.grpc.v1.Reason;
import io.scoregateway.grpc.v1.ScoreRequest;
import java.time.Instant;
import java.util.Collections;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Bad input ends the call INVALID_ARGUMENT with a message naming the field, as the JSON API's 400s
 * do; a bad delivery event is rejected alone; the server goes on serving.
 */
class GrpcBadInputIT {
  static TestGateway gw;
  static GrpcClient client;

  @BeforeAll
  static void setUp() throws Exception {
    gw = TestGateway.startWithGrpc(1, null);
    gw.snapshot("s", true, "t1", "", 0.5);
    assertThat(gw.putCampaign("c1", TestGateway.campaign("t1")).statusCode()).isEqualTo(200);
    client = new GrpcClient(gw.grpcPort);
  }

  @AfterAll
  static void tearDown() throws Exception {
    client.close();
    gw.close();
  }

  static ScoreRequest.Builder valid() {
    return ScoreRequest.newBuilder()
        .setUser("u-1")
        .setSurface("autoplay")
        .setMarket("SE")
        .addCandidates("t1");
  }

  static Status score(ScoreRequest r) {
    return GrpcClient.statusOf(() -> client.blocking().score(r));
  }

  static void invalid(UnaryOperator<ScoreRequest.Builder> change, String message) {
    Status s = score(change.apply(valid()).build());
    assertThat(s.getCode()).as(message).isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(s.getDescription()).isEqualTo(message);
    // the stream refuses the same way
    Status streamed =
        GrpcClient.statusOf(
            () ->
                client
                    .blocking()
                    .scoreStream(change.apply(valid()).build())
                    .forEachRemaining(m -> {}));
    assertThat(streamed.getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(streamed.getDescription()).isEqualTo(message);
  }

  @Test
  void everyBadFieldIsNamed() {
    invalid(b -> b.clearUser(), "user: is required");
    invalid(b -> b.setUser("u 1"), "user: invalid user id (expected [A-Za-z0-9._:-]{1,128})");
    invalid(b -> b.clearSurface(), "surface: is required");
    invalid(b -> b.clearMarket(), "market: is required");
    invalid(
        b -> b.setMarket("UK"),
        "market: invalid market (expected an assigned ISO 3166 alpha-2 code, e.g. SE)");
    invalid(b -> b.setSegment("s/7"), "segment: invalid segment (expected [A-Za-z0-9._:-]{1,128})");
    invalid(b -> b.clearCandidates(), "candidates: must contain at least one track id");
    invalid(
        b -> b.addCandidates("t2").addCandidates("bad track"), "candidates[2]: invalid track id");
    invalid(
        b -> b.addAllCandidates(Collections.nCopies(1000, "t1")),
        "candidates: too many candidates (at most 1000)");
    invalid(b -> b.setMaxPromoted(-1), "max_promoted: must be a non-negative integer");
    invalid(
        b ->
            b.setUnknownFields(
                UnknownFieldSet.newBuilder()
                    .addField(42, UnknownFieldSet.Field.newBuilder().addVarint(1).build())
                    .build()),
        "field 42: unknown field (not in scoregateway.v1.ScoreRequest)");
    // still serving
    assertThat(client.blocking().score(valid().build()).getResults(0).getReason())
        .isEqualTo(Reason.REASON_PROMOTED);
  }

  @Test
  void bytesThatAreNoMessageAreRefusedWithAReason() {
    Status s =
        GrpcClient.statusOf(
            () ->
                client.raw(
                    "scoregateway.v1.ScoreService/Score",
                    new byte[] {(byte) 0xff, 0x01, 0x02},
                    null));
    assertThat(s.getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(s.getDescription())
        .isEqualTo("request: not a valid scoregateway.v1.ScoreRequest message");

    Status big =
        GrpcClient.statusOf(
            () -> client.raw("scoregateway.v1.ScoreService/Score", new byte[2 << 20], null));
    assertThat(big.getCode()).isEqualTo(Status.Code.RESOURCE_EXHAUSTED);
    assertThat(big.getDescription()).startsWith("request: message of ").endsWith("over the limit");

    Status unknownMethod =
        GrpcClient.statusOf(
            () -> client.raw("scoregateway.v1.ScoreService/Nope", new byte[0], null));
    assertThat(unknownMethod.getCode()).isEqualTo(Status.Code.UNIMPLEMENTED);
    assertThat(client.blocking().score(valid().build()).getResultsCount()).isEqualTo(1);
  }

  static DeliveryEvent.Builder event(String id) {
    return DeliveryEvent.newBuilder()
        .setId(id)
        .setUser("u-1")
        .setTrack("t1")
        .setCampaign("c1")
        .setSurface("autoplay")
        .setTs(
            Timestamp.newBuilder()
                .setSeconds(Instant.parse("2026-11-28T11:00:00Z").getEpochSecond()));
  }

  @Test
  void aBadEnvelopeFailsTheCallABadEventIsRejectedAlone() {
    Status empty =
        GrpcClient.statusOf(
            () -> client.blocking().deliveries(DeliveriesRequest.getDefaultInstance()));
    assertThat(empty.getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(empty.getDescription()).isEqualTo("events: must contain at least one event");

    DeliveriesRequest.Builder many = DeliveriesRequest.newBuilder();
    for (int i = 0; i < 1001; i++) {
      many.addEvents(event("e-many-" + i));
    }
    Status tooMany = GrpcClient.statusOf(() -> client.blocking().deliveries(many.build()));
    assertThat(tooMany.getDescription()).isEqualTo("events: too many events (at most 1000)");

    DeliveriesResponse r =
        client
            .blocking()
            .deliveries(
                DeliveriesRequest.newBuilder()
                    .addEvents(event("e-ok"))
                    .addEvents(event("e-no-ts").clearTs())
                    .addEvents(event("e-bad-user").setUser("u 1"))
                    .addEvents(event("e-unknown").setCampaign("c-none"))
                    .addEvents(event("").setId(""))
                    .build());
    assertThat(r.getAccepted()).isEqualTo(1);
    assertThat(r.getRejectedList())
        .extracting(x -> x.getIndex() + " " + x.getError())
        .containsExactly(
            "1 ts: is required (when the play happened)",
            "2 user: invalid user id (expected [A-Za-z0-9._:-]{1,128})",
            "3 campaign: unknown campaign c-none",
            "4 id: is required");
    assertThat(r.getDuplicates()).isZero();
  }
}
