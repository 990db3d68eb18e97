package io.scoregateway.exposure;

import static org.assertj.core.api.Assertions.assertThat;

import io.scoregateway.exposure.v1.ExposureBatch;
import io.scoregateway.exposure.v1.RequestExposures;
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

  static RequestExposures encode(ScoreExchange ex, String traceId) throws Exception {
    List<ExposureChunk> chunks = RecordedChunks.of(RecordedChunks.protobuf("salt"), traceId, ex);
    assertThat(chunks).hasSize(1);
    // the chunk holds nothing but one ExposureBatch: no separator, no trailing bytes
    ExposureBatch batch = ExposureBatch.parseFrom(chunks.get(0).bytes());
    assertThat(batch.getSerializedSize()).isEqualTo(chunks.get(0).bytes().length);
    assertThat(batch.getRequestsCount()).isEqualTo(chunks.get(0).requests()).isEqualTo(1);
    RequestExposures m = batch.getRequests(0);
    assertThat(chunks.get(0).records()).isEqualTo(m.getRecordsCount());
    return m;
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
    RequestExposures m = encode(exchanges.score("u-1", "h"), null);
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
