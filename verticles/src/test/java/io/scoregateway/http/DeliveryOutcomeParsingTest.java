package io.scoregateway.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.scoregateway.model.PlayOutcome;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The optional outcome of a delivery event: {@code skipped}, {@code listened_ms}. */
class DeliveryOutcomeParsingTest {
  static JsonObject event() {
    return new JsonObject()
        .put("id", "e1")
        .put("user", "u1")
        .put("track", "t1")
        .put("campaign", "c1")
        .put("surface", "autoplay")
        .put("ts", "2026-11-28T12:00:00Z");
  }

  static DeliveryRequestParser.Parsed parse(JsonObject e) {
    List<DeliveryRequestParser.Parsed> out =
        DeliveryRequestParser.parse(new JsonObject().put("events", new JsonArray().add(e)));
    return out.get(0);
  }

  static PlayOutcome outcome(JsonObject e) {
    DeliveryRequestParser.Parsed p = parse(e);
    assertThat(p.error()).isNull();
    return p.event().outcome();
  }

  @Test
  void skippedWinsThenListenedMsAgainstThirtySecondsElseNotSaid() {
    assertThat(outcome(event())).isEqualTo(PlayOutcome.UNKNOWN);
    assertThat(outcome(event().put("skipped", true))).isEqualTo(PlayOutcome.SKIPPED);
    assertThat(outcome(event().put("skipped", false))).isEqualTo(PlayOutcome.PLAYED);
    assertThat(outcome(event().put("listened_ms", 29_999))).isEqualTo(PlayOutcome.SKIPPED);
    assertThat(outcome(event().put("listened_ms", 30_000))).isEqualTo(PlayOutcome.PLAYED);
    assertThat(outcome(event().put("listened_ms", 1_000).put("skipped", false)))
        .isEqualTo(PlayOutcome.PLAYED);
  }

  @Test
  void aBadOutcomeRejectsTheEventNamingTheField() {
    assertThat(parse(event().put("skipped", "yes")).error())
        .isEqualTo("skipped: must be a boolean");
    assertThat(parse(event().put("listened_ms", -1)).error()).startsWith("listened_ms: ");
    assertThat(parse(event().put("listened_ms", 1.5)).error()).startsWith("listened_ms: ");
    assertThat(parse(event().put("listened_ms", 86_400_001L)).error()).startsWith("listened_ms: ");
    assertThat(parse(event().put("skiped", true)).error()).startsWith("skiped: unknown field");
  }
}
