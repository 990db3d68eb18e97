package io.scoregateway.exposure;

import static org.assertj.core.api.Assertions.assertThat;

import io.scoregateway.exposure.v2.CampaignTerms;
import io.scoregateway.exposure.v2.ExposureBatch;
import io.scoregateway.exposure.v2.ExposureRecord;
import io.scoregateway.exposure.v2.RequestExposures;
import io.scoregateway.pipeline.ScoreExchange;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The protobuf message of an exchange says what its JSON records say, field for field, and parses
 * with the generated classes.
 */
class ProtobufExposureEncoderTest {
  final ScoredExchanges exchanges = new ScoredExchanges(null);

  static ExposureBatch encode(ScoreExchange ex, String traceId) throws Exception {
    List<ExposureChunk> chunks = RecordedChunks.of(RecordedChunks.protobuf("salt"), traceId, ex);
    assertThat(chunks).hasSize(1);
    // the chunk holds nothing but one ExposureBatch: no separator, no trailing bytes
    ExposureBatch batch = ExposureBatch.parseFrom(chunks.get(0).bytes());
    assertThat(batch.getSerializedSize()).isEqualTo(chunks.get(0).bytes().length);
    assertThat(batch.getRequestsCount()).isEqualTo(chunks.get(0).requests()).isEqualTo(1);
    assertThat(chunks.get(0).records()).isEqualTo(batch.getRequests(0).getRecordsCount());
    return batch;
  }

  @Test
  void theMessageCarriesEveryFieldOfTheJsonRecords() throws Exception {
    // promoted, not enrolled, held out (a ghost), a duplicate position, no score
    String[][] requests = {{"tNone", "a", "h", "a"}, {"h", "a"}, {"a", "tNone", "h", "h"}};
    for (String[] candidates : requests) {
      for (String trace : new String[] {null, "0af7651916cd43dd8448eb211c80319c"}) {
        ScoreExchange ex = exchanges.score("u-1", candidates);
        ex.requestId("req-1");
        List<JsonObject> json = JsonExposureEncoderTest.encode(ex, trace, "salt");
        List<JsonObject> proto = ExposureMessages.asJsonRecords(encode(ex, trace));
        assertThat(proto).hasSameSizeAs(json).isNotEmpty();
        for (int i = 0; i < json.size(); i++) {
          assertThat(normalized(proto.get(i)))
              .as("record %d of %s", i, String.join(",", candidates))
              .isEqualTo(normalized(json.get(i)));
        }
      }
    }
  }

  @Test
  void aHeldOutListenersGhostKeepsItsWouldBeAndScope() throws Exception {
    RequestExposures m = encode(exchanges.score("u-1", "h"), null).getRequests(0);
    assertThat(m.getRecords(0).getReason())
        .isEqualTo(io.scoregateway.grpc.v1.Reason.REASON_HOLDOUT);
    assertThat(m.getRecords(0).getWouldBe())
        .isEqualTo(io.scoregateway.grpc.v1.Reason.REASON_PROMOTED);
    assertThat(m.getRecords(0).getGhost()).isTrue();
    assertThat(m.getRecords(0).getHoldout())
        .isEqualTo(io.scoregateway.grpc.v1.HoldoutScope.HOLDOUT_SCOPE_CAMPAIGN);
    assertThat(m.getSchemaVersion()).isEqualTo(ExposureEncoding.SCHEMA_VERSION);
  }

  @Test
  void aChunkHoldsTheRequestsInTheOrderTheyWereAnswered() throws Exception {
    ScoreExchange first = exchanges.score("u-1", "a", "h");
    first.requestId("first");
    ScoreExchange second = exchanges.score("u-2", "h");
    second.requestId("second");
    List<ExposureChunk> chunks =
        RecordedChunks.of(
            RecordedChunks.protobuf(""), null, first, exchanges.score("u-3", "tNone"), second);
    assertThat(chunks).hasSize(1);
    ExposureBatch batch = ExposureBatch.parseFrom(chunks.get(0).bytes());
    assertThat(batch.getRequestsList())
        .extracting(RequestExposures::getRequestId)
        .containsExactly("first", "second");
    assertThat(chunks.get(0).records()).isEqualTo(3);
    assertThat(chunks.get(0).requests()).isEqualTo(2);
  }

  @Test
  void aChunkCarriesEachCampaignsTermsOnceForAllItsRequests() throws Exception {
    ScoreExchange first = exchanges.score("u-1", "a", "h", "a");
    ScoreExchange second = exchanges.score("u-2", "h", "a");
    List<ExposureChunk> chunks =
        RecordedChunks.of(RecordedChunks.protobuf(""), null, first, second);
    assertThat(chunks).hasSize(1);
    ExposureBatch batch = ExposureBatch.parseFrom(chunks.get(0).bytes());
    // five records of two campaigns (c1 holds "a", c2 holds "h"), both decided at one pass rate
    assertThat(batch.getCampaignsList())
        .extracting(CampaignTerms::getCampaign)
        .containsExactly("c1", "c2");
    assertThat(batch.getRequests(0).getRecordsList())
        .extracting(ExposureRecord::getCampaignRef)
        .containsExactly(0, 1, 0);
    assertThat(batch.getRequests(1).getRecordsList())
        .extracting(ExposureRecord::getCampaignRef)
        .containsExactly(1, 0);
    // resolved, they say what the JSON records say
    List<JsonObject> json =
        new java.util.ArrayList<>(JsonExposureEncoderTest.encode(first, null, ""));
    json.addAll(JsonExposureEncoderTest.encode(second, null, ""));
    List<JsonObject> proto = ExposureMessages.asJsonRecords(batch);
    assertThat(proto).hasSameSizeAs(json);
    for (int i = 0; i < json.size(); i++) {
      assertThat(normalized(proto.get(i)).get("campaign"))
          .isEqualTo(json.get(i).getString("campaign"));
      assertThat(normalized(proto.get(i)).get("pass_rate"))
          .isEqualTo(normalized(json.get(i)).get("pass_rate"));
      assertThat(normalized(proto.get(i)).get("boost"))
          .isEqualTo(normalized(json.get(i)).get("boost"));
    }
  }

  @Test
  void eachChunkStartsItsOwnCampaignTerms() throws Exception {
    ProtobufExposureEncoder encoder = new ProtobufExposureEncoder();
    encoder.append(exchanges.score("u-1", "a", "h"), null, 1, "k1");
    ExposureBatch one = ExposureBatch.parseFrom(encoder.take());
    encoder.append(exchanges.score("u-2", "h"), null, 2, "k2");
    ExposureBatch two = ExposureBatch.parseFrom(encoder.take());
    assertThat(one.getCampaignsList())
        .extracting(CampaignTerms::getCampaign)
        .containsExactly("c1", "c2");
    // the second chunk is read on its own: its only campaign is its entry 0
    assertThat(two.getCampaignsList()).extracting(CampaignTerms::getCampaign).containsExactly("c2");
    assertThat(two.getRequests(0).getRecords(0).getCampaignRef()).isZero();
  }

  /** Numbers compared as doubles (JSON writes 1.0 as 1), everything else as it is. */
  private static Map<String, Object> normalized(JsonObject o) {
    Map<String, Object> out = new TreeMap<>();
    for (Map.Entry<String, Object> e : o) {
      Object v = e.getValue();
      out.put(e.getKey(), v instanceof Number n ? n.doubleValue() : v);
    }
    return out;
  }
}
