package io.scoregateway.exposure;

import static org.assertj.core.api.Assertions.assertThat;

import io.scoregateway.pipeline.ScoreExchange;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** One record per enrolled decision, in the documented schema. */
class JsonExposureEncoderTest {
  final ScoredExchanges exchanges = new ScoredExchanges(null);

  static List<JsonObject> encode(ScoreExchange ex, String traceId, String salt) {
    List<ExposureChunk> chunks = RecordedChunks.of(RecordedChunks.json(salt), traceId, ex);
    List<JsonObject> out = new ArrayList<>();
    // one chunk for the exchange's records (none without any): the file's lines, each ended by a
    // newline
    assertThat(chunks).hasSizeLessThanOrEqualTo(1);
    for (ExposureChunk c : chunks) {
      assertThat(c.requests()).isEqualTo(1);
      assertThat(c.partition()).isZero();
      String text = new String(c.bytes(), StandardCharsets.UTF_8);
      assertThat(text).endsWith("}\n");
      String[] lines = text.split("\n", -1);
      assertThat(lines).hasSize(c.records() + 1);
      for (int i = 0; i < lines.length - 1; i++) {
        out.add(new JsonObject(lines[i]));
      }
    }
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
