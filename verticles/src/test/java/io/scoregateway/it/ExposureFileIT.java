package io.scoregateway.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.scoregateway.config.ExposureConfig;
import io.scoregateway.config.MeasurementConfig;
import io.scoregateway.model.Holdout;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The file sink {@code dev} uses: one JSON line per enrolled decision, a surface holdout's
 * listeners answered {@code holdout} and logged as ghosts.
 */
class ExposureFileIT {
  static Path file;
  static TestGateway gw;

  @BeforeAll
  static void setUp() throws Exception {
    file = Files.createTempFile("exposures-", ".jsonl");
    gw =
        TestGateway.startMeasuring(
            1,
            MeasurementConfig.DEFAULTS
                .withExposure(ExposureConfig.file(file.toString(), 10_000))
                .withSurfaceHoldouts(Map.of("radio", new Holdout(0.25, "surface-holdout/radio"))));
    gw.snapshot("s1", true, "t1", "", 0.5, "t2", "", 0.5);
    assertThat(
            gw.putCampaign("c1", TestGateway.campaign("t1", "t2").put("budget", 1_000_000_000))
                .statusCode())
        .isEqualTo(200);
  }

  @AfterAll
  static void tearDown() throws Exception {
    gw.close();
    Files.deleteIfExists(file);
  }

  static List<JsonObject> lines(int atLeast) throws Exception {
    long deadline = System.currentTimeMillis() + 10_000;
    List<JsonObject> out = new ArrayList<>();
    while (System.currentTimeMillis() < deadline) {
      out.clear();
      for (String l : Files.readAllLines(file)) {
        out.add(new JsonObject(l));
      }
      if (out.size() >= atLeast) {
        return out;
      }
      TestGateway.sleep(50);
    }
    throw new AssertionError("only " + out.size() + " exposure lines after 10 s");
  }

  @Test
  void everyEnrolledDecisionIsOneLineAndHeldOutListenersAreGhosts() throws Exception {
    int held = 0;
    for (int i = 0; i < 80; i++) {
      JsonObject answer =
          gw.score(
                  new JsonObject()
                      .put("user", "u-" + i)
                      .put("surface", "radio")
                      .put("market", "SE")
                      .put("candidates", new JsonArray().add("t1").add("tNone").add("t2")))
              .bodyAsJsonObject();
      String reason = answer.getJsonArray("results").getJsonObject(0).getString("reason");
      assertThat(reason).isIn("promoted", "holdout");
      held += reason.equals("holdout") ? 1 : 0;
    }
    assertThat(held).isBetween(8, 35);

    List<JsonObject> lines = lines(160);
    assertThat(lines).hasSize(160);
    long ghosts =
        lines.stream()
            .filter(o -> o.getBoolean("ghost"))
            .peek(o -> assertThat(o.getString("holdout")).isEqualTo("surface"))
            .peek(o -> assertThat(o.getString("reason")).isEqualTo("holdout"))
            .count();
    assertThat(ghosts).isEqualTo(2L * held);
    assertThat(lines).allSatisfy(o -> assertThat(o.getString("surface")).isEqualTo("radio"));
    assertThat(lines.stream().map(o -> o.getInteger("position")).distinct()).containsOnly(0, 2);
  }
}
