package io.scoregateway.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.scoregateway.model.Campaign;
import io.scoregateway.model.CampaignStatus;
import io.scoregateway.model.FrequencyCap;
import io.scoregateway.model.PacingMode;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class CampaignCodecTest {
  static JsonObject valid() {
    return new JsonObject()
        .put("tracks", new JsonArray().add("t1").add("t2"))
        .put("surfaces", new JsonArray().add("autoplay").add("radio"))
        .put("markets", new JsonArray().add("SE").add("US"))
        .put("start", "2026-11-01T00:00:00Z")
        .put("end", "2026-12-01T00:00:00Z")
        .put("budget", 100000)
        .put("pacing", "front_loaded")
        .put("frequency_cap", new JsonObject().put("max", 3).put("window_seconds", 86400))
        .put("boost", 1.5)
        .put("status", "paused");
  }

  static void assertNames(JsonObject json, String field) {
    assertThatThrownBy(() -> CampaignCodec.parse("c1", json))
        .as(json.encode())
        .isInstanceOfSatisfying(
            InvalidInput.class,
            e -> {
              assertThat(e.field()).isEqualTo(field);
              assertThat(e.getMessage()).startsWith(field + ": ");
            });
  }

  @Test
  void parsesEveryField() {
    Campaign c = CampaignCodec.parse("c1", valid());
    assertThat(c)
        .isEqualTo(
            new Campaign(
                "c1",
                List.of("t1", "t2"),
                new LinkedHashSet<>(List.of("autoplay", "radio")),
                new LinkedHashSet<>(List.of("SE", "US")),
                Instant.parse("2026-11-01T00:00:00Z"),
                Instant.parse("2026-12-01T00:00:00Z"),
                100000,
                PacingMode.FRONT_LOADED,
                new FrequencyCap(3, 86400),
                1.5,
                CampaignStatus.PAUSED));
  }

  @Test
  void roundTripsThroughStoredJson() {
    for (JsonObject json : List.of(valid(), minimal(), valid().put("label", "umg:nordic"))) {
      Campaign c = CampaignCodec.parse("c1", json);
      JsonObject stored = new JsonObject(CampaignCodec.toJson(c).encode());
      assertThat(stored.getString("id")).isEqualTo("c1");
      assertThat(CampaignCodec.parse("c1", stored)).isEqualTo(c);
    }
  }

  static JsonObject minimal() {
    return new JsonObject()
        .put("tracks", new JsonArray().add("t1").add("t1"))
        .put("start", "2026-11-01T00:00:00Z")
        .put("end", "2026-11-01T00:00:01Z")
        .put("budget", 1);
  }

  @Test
  void absentOptionalFieldsTakeDefaults() {
    Campaign c = CampaignCodec.parse("c1", minimal());
    assertThat(c.tracks()).containsExactly("t1");
    assertThat(c.surfaces()).isNull();
    assertThat(c.markets()).isNull();
    assertThat(c.frequencyCap()).isNull();
    assertThat(c.pacing()).isEqualTo(PacingMode.EVEN);
    assertThat(c.boost()).isEqualTo(1.0);
    assertThat(c.status()).isEqualTo(CampaignStatus.ACTIVE);
    JsonObject json = CampaignCodec.toJson(c);
    assertThat(json.containsKey("surfaces")).isFalse();
    assertThat(json.containsKey("markets")).isFalse();
    assertThat(json.containsKey("frequency_cap")).isFalse();
    assertThat(c.label()).isNull();
    assertThat(json.containsKey("label")).isFalse();
  }

  @Test
  void aLabelIsAnIdAndEngagementIsLiveState() {
    assertThat(CampaignCodec.parse("c1", valid().put("label", "umg:nordic")).label())
        .isEqualTo("umg:nordic");
    assertNames(valid().put("label", "two words"), "label");
    assertNames(valid().put("label", 7), "label");
    assertNames(valid().put("label", ""), "label");
    assertNames(valid().put("engagement", new JsonObject()), "engagement");
  }

  @Test
  void everyInvalidFieldIsNamed() {
    assertThatThrownBy(() -> CampaignCodec.parse("bad id", valid()))
        .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.field()).isEqualTo("id"));
    assertNames(valid().put("tracks", new JsonArray()), "tracks");
    assertNames(valid().put("tracks", "t1"), "tracks");
    assertNames(without("tracks"), "tracks");
    assertNames(valid().put("tracks", new JsonArray().add("t1").add("bad id")), "tracks[1]");
    assertNames(valid().put("tracks", new JsonArray().add("t1").add(7)), "tracks[1]");
    assertNames(valid().put("surfaces", new JsonArray().add("ok").add("").add("x")), "surfaces[1]");
    assertNames(valid().putNull("surfaces"), "surfaces");
    assertNames(valid().put("markets", new JsonArray().add("SE").add("usa")), "markets[1]");
    assertNames(valid().put("markets", "SE"), "markets");
    assertNames(without("start"), "start");
    assertNames(valid().put("start", "yesterday"), "start");
    assertNames(valid().put("end", "2026-11-01T00:00:00Z"), "end");
    assertNames(valid().put("end", 5), "end");
    assertNames(without("budget"), "budget");
    assertNames(valid().put("budget", -1), "budget");
    assertNames(valid().put("budget", 2.5), "budget");
    assertNames(valid().put("budget", "100"), "budget");
    assertNames(valid().put("budget", 1e13), "budget");
    assertNames(valid().put("pacing", "slow"), "pacing");
    assertNames(valid().put("pacing", 1), "pacing");
    assertNames(valid().put("frequency_cap", 3), "frequency_cap");
    assertNames(
        valid().put("frequency_cap", new JsonObject().put("max", 0).put("window_seconds", 60)),
        "frequency_cap.max");
    assertNames(
        valid().put("frequency_cap", new JsonObject().put("window_seconds", 60)),
        "frequency_cap.max");
    assertNames(
        valid().put("frequency_cap", new JsonObject().put("max", 1).put("window_seconds", 0)),
        "frequency_cap.window_seconds");
    assertNames(valid().put("boost", 0), "boost");
    assertNames(valid().put("boost", -1.0), "boost");
    assertNames(valid().put("boost", 1001), "boost");
    assertNames(valid().put("boost", "2"), "boost");
    assertNames(valid().put("status", "running"), "status");
  }

  @Test
  void fieldErrorsKeepTheirExplanation() {
    assertThatThrownBy(
            () ->
                CampaignCodec.parse(
                    "c1",
                    valid()
                        .put(
                            "frequency_cap",
                            new JsonObject().put("max", 0).put("window_seconds", 60))))
        .hasMessage("frequency_cap.max: must be between 1 and 1000000");
  }

  static JsonObject without(String field) {
    JsonObject o = valid();
    o.remove(field);
    return o;
  }
}
