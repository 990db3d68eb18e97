package io.scoregateway.codec;

import static org.assertj.core.api.Assertions.assertThat;

import io.scoregateway.model.ScoreSnapshot;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SnapshotCodecTest {
  static final Instant T0 = Instant.parse("2026-11-28T12:00:00.123456Z");

  @Test
  void theStoredFormHoldsOnlyWhatTheStateReached() {
    assertThat(SnapshotCodec.toJson(ScoreSnapshot.loading("s", "f.csv", T0)))
        .isEqualTo(
            new JsonObject()
                .put("state", "loading")
                .put("source", "f.csv")
                .put("started_at", "2026-11-28T12:00:00.123456Z"));
    assertThat(SnapshotCodec.toJson(ScoreSnapshot.complete("s", "f.csv", 7, 1, T0)))
        .isEqualTo(
            new JsonObject()
                .put("state", "complete")
                .put("source", "f.csv")
                .put("rows", 7L)
                .put("bad_rows", 1L)
                .put("completed_at", "2026-11-28T12:00:00.123456Z"));
    assertThat(SnapshotCodec.toJson(ScoreSnapshot.failed("s", "f.csv", "boom", T0)))
        .isEqualTo(
            new JsonObject()
                .put("state", "failed")
                .put("source", "f.csv")
                .put("error", "boom")
                .put("failed_at", "2026-11-28T12:00:00.123456Z"));
  }

  @Test
  void discardIsWrittenOnlyWhileDeleting() {
    ScoreSnapshot deleting = ScoreSnapshot.loading("s", "f.csv", T0).deleting();
    assertThat(SnapshotCodec.toJson(deleting).getBoolean("discard")).isTrue();
    assertThat(SnapshotCodec.toJson(deleting.deleted(T0)).containsKey("discard")).isFalse();
  }

  @Test
  void everyStateSurvivesTheRoundTrip() {
    ScoreSnapshot complete = ScoreSnapshot.complete("s", "f.csv", 7, 1, T0);
    for (ScoreSnapshot s :
        new ScoreSnapshot[] {
          ScoreSnapshot.loading("s", "f.csv", T0),
          complete,
          ScoreSnapshot.failed("s", "f.csv", "boom", T0),
          complete.deleting(),
          complete.deleting().deleted(T0.plusSeconds(60)),
          ScoreSnapshot.loading("s", "f.csv", T0).deleting()
        }) {
      assertThat(SnapshotCodec.parse("s", SnapshotCodec.toJson(s).encode())).isEqualTo(s);
    }
  }

  @Test
  void theApiFormNamesTheId() {
    JsonObject api = SnapshotCodec.toApiJson(ScoreSnapshot.loading("s9", "f.csv", T0));
    assertThat(api.getString("id")).isEqualTo("s9");
    assertThat(api.getString("state")).isEqualTo("loading");
  }
}
