package io.scoregateway.exposure;

import static org.assertj.core.api.Assertions.assertThat;

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
    ExposureBatch batch = new ExposureBatch();
    new ProtobufExposureEncoder(new ListenerKeys("salt"))
        .encode(new Exposure(ex, traceId, ScoredExchanges.NOW.toEpochMilli(), 0), batch);
    assertThat(batch.messages()).isEqualTo(1);
    RequestExposures m = RequestExposures.parseFrom(batch.message(0));
    assertThat(batch.records(0)).isEqualTo(m.getRecordsCount()).isEqualTo(batch.count());
    assertThat(batch.key(0)).isEqualTo(m.getListener());
    // the batch holds nothing but the message: no separator, no trailing bytes
    assertThat(batch.lines.length()).isEqualTo(m.getSerializedSize());
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
  void anExchangeWithNothingEnrolledWritesNoMessage() {
    ExposureBatch batch = new ExposureBatch();
    new ProtobufExposureEncoder(new ListenerKeys(""))
        .encode(
            new Exposure(
                exchanges.score("u-1", "tNone"), null, ScoredExchanges.NOW.toEpochMilli(), 0),
            batch);
    assertThat(batch.messages()).isZero();
    assertThat(batch.lines.length()).isZero();
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
