package io.scoregateway.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.scoregateway.model.SnapshotExperiment;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ExperimentCodecTest {
  static final Instant AT = Instant.parse("2026-11-28T12:00:00Z");

  static JsonObject valid() {
    return new JsonObject().put("id", "e1").put("challenger", "snap-b").put("share", 0.1);
  }

  static void assertNames(JsonObject json, String field) {
    assertThatThrownBy(() -> ExperimentCodec.parse(json, AT))
        .as(json.encode())
        .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.field()).isEqualTo(field));
  }

  @Test
  void parsesWithADefaultSaltAndRoundTripsThroughStorage() {
    SnapshotExperiment e = ExperimentCodec.parse(valid(), AT);
    assertThat(e).isEqualTo(new SnapshotExperiment("e1", "snap-b", 0.1, "experiment/e1", AT));
    assertThat(ExperimentCodec.stored(ExperimentCodec.toJson(e).encode())).isEqualTo(e);
    assertThat(ExperimentCodec.parse(valid().put("salt", "s2").put("share", 0), AT).salt())
        .isEqualTo("s2");
  }

  @Test
  void badFieldsAreRefusedByName() {
    assertNames(valid().put("share", 1.01), "share");
    assertNames(valid().put("share", -0.1), "share");
    assertNames(new JsonObject().put("id", "e1").put("challenger", "s"), "share");
    assertNames(valid().put("challenger", "a b"), "challenger");
    assertNames(valid().put("id", 3), "id");
    assertNames(valid().put("since", AT.toString()), "since");
    assertNames(valid().put("chalenger", "x"), "chalenger");
  }
}
