package io.scoregateway.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Ids may contain ':', so keys built by joining ids with ':' collided: a listener's marker of
 * (campaign {@code ca}, event {@code b:e1}) was the marker of ({@code ca:b}, {@code e1}), and the
 * second delivery was taken for a duplicate, so {@code ca:b} went on promoting past its cap.
 */
class KeyCollisionIT {
  static TestGateway gw;

  @BeforeAll
  static void setUp() throws Exception {
    gw = TestGateway.start(1, null);
    gw.snapshot("s", true, "tA", "", 0.5, "tB", "", 0.5);
    JsonObject oncePerDay = new JsonObject().put("max", 1).put("window_seconds", 86_400);
    assertThat(
            gw.putCampaign(
                    "ca",
                    TestGateway.campaign("tA")
                        .put("budget", 1_000)
                        .put("frequency_cap", oncePerDay))
                .statusCode())
        .isEqualTo(200);
    assertThat(
            gw.putCampaign(
                    "ca:b",
                    TestGateway.campaign("tB")
                        .put("budget", 1_000)
                        .put("frequency_cap", oncePerDay.copy()))
                .statusCode())
        .isEqualTo(200);
  }

  @AfterAll
  static void tearDown() {
    gw.close();
  }

  private static String reason(String user, String track) {
    JsonObject req =
        new JsonObject()
            .put("user", user)
            .put("surface", "autoplay")
            .put("market", "SE")
            .put("candidates", new JsonArray().add(track));
    return gw.score(req)
        .bodyAsJsonObject()
        .getJsonArray("results")
        .getJsonObject(0)
        .getString("reason");
  }

  @Test
  void eventsOfCampaignsWhoseIdsShareAPrefixAreCountedApart() {
    assertThat(reason("u-x", "tB")).isEqualTo("promoted");
    JsonObject first = DeliveriesIT.event("b:e1", "u-x", "tA", "ca");
    JsonObject second = DeliveriesIT.event("e1", "u-x", "tB", "ca:b");
    JsonObject body = DeliveriesIT.deliver(gw, first, second).bodyAsJsonObject();
    assertThat(body.getInteger("accepted")).as(body.encode()).isEqualTo(2);
    assertThat(body.getInteger("duplicates")).isZero();
    assertThat(reason("u-x", "tA")).isEqualTo("frequency_capped");
    assertThat(reason("u-x", "tB")).as("ca:b's cap holds").isEqualTo("frequency_capped");
  }
}
