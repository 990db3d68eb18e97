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
                .put("completed_at", "2026-11-28T12:00:00.123456Z")
                .put("created_at", "2026-11-28T12:00:00.123456Z"));
    assertThat(SnapshotCodec.toJson(ScoreSnapshot.failed("s", "f.csv", "boom", T0)))
        .isEqualTo(
            new JsonObject()
                .put("state", "failed")
                .put("source", "f.csv")
                .put("error", "boom")
                .put("failed_at", "2026-11-28T12:00:00.123456Z"));
  }

  @Test
  void aFileLoadRecordsItsFormatLoadTimesAndCreationTime() {
    Instant created = Instant.parse("2026-11-28T03:00:00Z");
    JsonObject stored =
        SnapshotCodec.toJson(
            ScoreSnapshot.complete(
                "s", "scores/", "parquet", 7, 2, T0, T0.plusSeconds(30), created));
    assertThat(stored.getString("source")).isEqualTo("scores/");
    assertThat(stored.getString("format")).isEqualTo("parquet");
    assertThat(stored.getString("started_at")).isEqualTo("2026-11-28T12:00:00.123456Z");
    assertThat(stored.getString("completed_at")).isEqualTo("2026-11-28T12:00:30.123456Z");
    assertThat(stored.getString("created_at")).isEqualTo("2026-11-28T03:00:00Z");
    assertThat(SnapshotCodec.parse("s", stored.encode()).producedAt()).isEqualTo(created);
  }

  @Test
  void aSnapshotStoredWithoutCreationTimeWasProducedWhenItsLoadCompleted() {
    ScoreSnapshot old =
        SnapshotCodec.parse(
            "s", "{\"state\":\"complete\",\"rows\":1,\"completed_at\":\"2026-11-28T12:00:00Z\"}");
    assertThat(old.createdAt()).isNull();
    assertThat(old.producedAt()).isEqualTo(Instant.parse("2026-11-28T12:00:00Z"));
    assertThat(ScoreSnapshot.loading("s", "f.csv", T0).producedAt()).isNull();
  }

  @Test
  void discardIsWrittenOnlyWhileDeleting() {
    ScoreSnapshot deleting = ScoreSnapshot.loading("s", "f.csv", T0).deleting();
    assertThat(SnapshotCodec.toJson(deleting).getBoolean("discard")).isTrue();
    assertThat(SnapshotCodec.toJson(deleting.deleted(T0)).containsKey("discard")).isFalse();
  }

  @Test
  void everyStateSurvivesTheRoundTrip() {
    ScoreSnapshot complete =
        ScoreSnapshot.complete("s", "f.avro", "avro", 7, 1, T0, T0.plusSeconds(9), T0);
    for (ScoreSnapshot s :
        new ScoreSnapshot[] {
          ScoreSnapshot.loading("s", "f.csv", T0),
          ScoreSnapshot.loading("s", "f.csv", "csv", T0),
          ScoreSnapshot.complete("s", "f.csv", 7, 1, T0),
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
