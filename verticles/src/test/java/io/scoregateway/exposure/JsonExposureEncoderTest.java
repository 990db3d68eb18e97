package io.scoregateway.exposure;

import static org.assertj.core.api.Assertions.assertThat;

import io.scoregateway.pipeline.ScoreExchange;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** One record per enrolled decision, in the documented schema. */
class JsonExposureEncoderTest {
  final ScoredExchanges exchanges = new ScoredExchanges(null);

  static List<JsonObject> encode(ScoreExchange ex, String traceId, String salt) {
    ExposureBatch batch = new ExposureBatch();
    new JsonExposureEncoder(new ListenerKeys(salt))
        .encode(new Exposure(ex, traceId, ScoredExchanges.NOW.toEpochMilli(), 0), batch);
    List<JsonObject> out = new ArrayList<>();
    // one message for the exchange's records (none without any), keyed by its listener key
    assertThat(batch.messages()).isEqualTo(batch.count() == 0 ? 0 : 1);
    for (int m = 0; m < batch.messages(); m++) {
      String[] lines = new String(batch.message(m), StandardCharsets.UTF_8).split("\n", -1);
      assertThat(lines).hasSize(batch.records(m) + 1);
      assertThat(lines[lines.length - 1]).isEmpty();
      for (int i = 0; i < lines.length - 1; i++) {
        JsonObject o = new JsonObject(lines[i]);
        assertThat(batch.key(m)).isEqualTo(o.getString("listener"));
        out.add(o);
      }
    }
    // the batch's bytes are the file's lines: one per record, each ended by a newline
    String text = new String(batch.lines.array(), 0, batch.lines.length(), StandardCharsets.UTF_8);
    assertThat(text.split("\n", -1)).hasSize(batch.count() + 1);
    assertThat(text).endsWith(batch.count() == 0 ? "" : "}\n");
    return out;
  }

  @Test
  void everyEnrolledDecisionBecomesOneRecordWithEveryField() {
    ScoreExchange ex = exchanges.score("u-1", "tNone", "a", "h", "a");
    ex.requestId("req-1");

    List<JsonObject> records = encode(ex, "0af7651916cd43dd8448eb211c80319c", "");

    assertThat(records).hasSize(3);
    JsonObject a = records.get(0);
    assertThat(a.fieldNames())
        .containsExactlyInAnyOrder(
            "schema_version",
            "ts",
            "request_id",
            "trace_id",
            "listener",
            "surface",
            "market",
            "segment",
            "snapshot",
            "arm",
            "experiment",
            "position",
            "track",
            "campaign",
            "reason",
            "promoted",
            "ghost",
            "holdout",
            "would_be",
            "base_score",
            "boost",
            "score",
            "pass_rate");
    assertThat(a.getInteger("schema_version")).isEqualTo(ExposureEncoding.SCHEMA_VERSION);
    assertThat(a.getString("ts")).isEqualTo("2026-11-28T12:00:00Z");
    assertThat(a.getString("request_id")).isEqualTo("req-1");
    assertThat(a.getString("trace_id")).isEqualTo("0af7651916cd43dd8448eb211c80319c");
    assertThat(a.getString("surface")).isEqualTo("autoplay");
    assertThat(a.getString("market")).isEqualTo("SE");
    assertThat(a.getString("segment")).isEqualTo("s7");
    assertThat(a.getString("snapshot")).isEqualTo("s1");
    assertThat(a.getString("arm")).isEqualTo("champion");
    assertThat(a.getValue("experiment")).isNull();
    assertThat(a.getInteger("position")).isEqualTo(1);
    assertThat(a.getString("track")).isEqualTo("a");
    assertThat(a.getString("campaign")).isEqualTo("c1");
    assertThat(a.getString("reason")).isEqualTo("promoted");
    assertThat(a.getBoolean("promoted")).isTrue();
    assertThat(a.getBoolean("ghost")).isFalse();
    assertThat(a.getValue("holdout")).isNull();
    assertThat(a.getValue("would_be")).isNull();
    assertThat(a.getDouble("base_score")).isEqualTo(0.4);
    assertThat(a.getDouble("boost")).isEqualTo(1.5);
    assertThat(a.getDouble("score")).isEqualTo(0.4 * 1.5);
    assertThat(a.getDouble("pass_rate")).isEqualTo(1.0);
    assertThat(records.get(2).getInteger("position")).isEqualTo(3);
  }

  @Test
  void aHeldOutDecisionIsAGhostWithItsWouldBeReason() {
    JsonObject h = encode(exchanges.score("u-1", "h"), null, "").get(0);

    assertThat(h.getString("reason")).isEqualTo("holdout");
    assertThat(h.getBoolean("promoted")).isFalse();
    assertThat(h.getBoolean("ghost")).isTrue();
    assertThat(h.getString("holdout")).isEqualTo("campaign");
    assertThat(h.getString("would_be")).isEqualTo("promoted");
    assertThat(h.getDouble("score")).isZero();
    assertThat(h.getDouble("pass_rate")).isEqualTo(1.0);
    assertThat(h.getValue("trace_id")).isNull();
  }

  @Test
  void theListenerKeyIsAKeyedHashNotTheIdAndStableForOneSalt() {
    String plain = encode(exchanges.score("u-1", "a"), null, "").get(0).getString("listener");
    String again = encode(exchanges.score("u-1", "a"), null, "").get(0).getString("listener");
    String salted =
        encode(exchanges.score("u-1", "a"), null, "s3cret").get(0).getString("listener");
    String other = encode(exchanges.score("u-2", "a"), null, "").get(0).getString("listener");

    assertThat(plain).matches("[0-9a-f]{32}").doesNotContain("u-1").isEqualTo(again);
    assertThat(Set.of(plain, salted, other)).hasSize(3);
  }

  @Test
  void aRequestWithoutAnIdGetsOneSharedByItsRecords() {
    List<JsonObject> records = encode(exchanges.score("u-1", "a", "h"), null, "");
    String id = records.get(0).getString("request_id");
    assertThat(id).matches("[0-9a-f]{32}");
    assertThat(records.get(1).getString("request_id")).isEqualTo(id);
    assertThat(encode(exchanges.score("u-1", "a"), null, "").get(0).getString("request_id"))
        .isNotEqualTo(id);
  }

  @Test
  void anExchangeWithNothingEnrolledHasNoRecords() {
    assertThat(encode(exchanges.score("u-1", "tNone", "tOther"), null, "")).isEmpty();
  }
}
