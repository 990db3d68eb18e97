package io.scoregateway.it;

import static io.scoregateway.it.BadInputIT.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Unknown fields and values without a meaning are refused by name instead of silently taking a
 * default (an uncapped campaign, a boost of 1, every candidate promoted).
 */
class StrictInputIT {
  static TestGateway gw;

  @BeforeAll
  static void setUp() throws Exception {
    gw = TestGateway.start(1, null);
    gw.snapshot("s", true, "t1", "", 0.5, "t2", "", 0.4);
    assertThat(gw.putCampaign("c1", TestGateway.campaign("t1", "t2")).statusCode()).isEqualTo(200);
  }

  @AfterAll
  static void tearDown() {
    gw.close();
  }

  HttpResponse<Buffer> get(String id) {
    return gw.http.get(gw.adminPort, "127.0.0.1", "/admin/v1/campaigns/" + id).send().await();
  }

  /** POST /v1/scores of {@code body} with these headers, each name given once per value. */
  static HttpResponse<Buffer> score(String body, String header, List<String> values) {
    var req = gw.http.post(gw.port, "127.0.0.1", "/v1/scores");
    if (!header.equals("content-type")) {
      req.putHeader("content-type", "application/json");
    }
    return req.putHeader(header, values).sendBuffer(Buffer.buffer(body)).await();
  }

  @Test
  void aFieldOrHeaderGivenTwiceIsRefusedByName() {
    String valid =
        "{\"user\":\"u-1\",\"surface\":\"autoplay\",\"market\":\"SE\",\"candidates\":[\"t1\"]}";
    String twice = valid.replace("}", ",\"user\":\"u-2\"}");
    List<String> json = List.of("application/json");
    assertProblem(score(twice, "content-type", json), 400, "user: given more than once");
    HttpResponse<Buffer> put =
        gw.http
            .put(gw.adminPort, "127.0.0.1", "/admin/v1/campaigns/cx")
            .putHeader("content-type", "application/json")
            .sendBuffer(
                Buffer.buffer(
                    TestGateway.campaign("t9").encode().replaceFirst("\\{", "{\"budget\":5,")))
            .await();
    assertProblem(put, 400, "budget: given more than once");
    assertThat(get("cx").statusCode()).isEqualTo(404);
    assertProblem(
        score(valid, "x-request-timeout-ms", List.of("50", "5000")),
        400,
        "x-request-timeout-ms: given more than once");

    assertProblem(
        score(valid, "content-type", List.of("application/json; charset=iso-8859-1")),
        415,
        "content-type: charset iso-8859-1 is not supported");
    HttpResponse<Buffer> utf8 =
        score(valid, "content-type", List.of("application/json; charset=\"UTF-8\""));
    assertThat(utf8.statusCode()).as(utf8.bodyAsString()).isEqualTo(200);
    assertProblem(
        score(valid, "content-type", List.of("application/json", "text/plain")),
        415,
        "content-type: given more than once");
  }

  @Test
  void misspeltCampaignFieldsAreRefusedAndNothingIsStored() {
    JsonObject capped =
        TestGateway.campaign("t9")
            .put("frequencyCap", new JsonObject().put("max", 1).put("window_seconds", 60));
    assertProblem(
        gw.putCampaign("cx", capped),
        400,
        "frequencyCap: unknown field (did you mean frequency_cap?)");
    JsonObject boosted = TestGateway.campaign("t9").put("Boost", 3.0);
    boosted.remove("boost");
    assertProblem(gw.putCampaign("cx", boosted), 400, "Boost: unknown field (did you mean boost?)");
    assertProblem(
        gw.putCampaign(
            "cx",
            TestGateway.campaign("t9")
                .put("frequency_cap", new JsonObject().put("max", 1).put("window", 60))),
        400,
        "frequency_cap.window: unknown field");
    assertProblem(
        gw.putCampaign("cx", TestGateway.campaign("t9").put("colour", "red")),
        400,
        "colour: unknown field");
    assertThat(get("cx").statusCode()).isEqualTo(404);
  }

  @Test
  void getThenPutNamesTheLiveStateToDrop() {
    JsonObject fetched = get("c1").bodyAsJsonObject();
    assertProblem(gw.putCampaign("c1", fetched), 400, "is live state");
  }

  @Test
  void emptyListsZeroBudgetsAndUnassignedMarketsAreRefused() {
    assertProblem(
        gw.putCampaign("cx", TestGateway.campaign("t9").put("markets", new JsonArray())),
        400,
        "markets: must list at least one market (omit it to allow all)");
    assertProblem(
        gw.putCampaign("cx", TestGateway.campaign("t9").put("surfaces", new JsonArray())),
        400,
        "surfaces: must list at least one surface");
    assertProblem(
        gw.putCampaign("cx", TestGateway.campaign("t9").put("budget", 0)),
        400,
        "budget: must be between 1");
    assertProblem(
        gw.putCampaign(
            "cx", TestGateway.campaign("t9").put("markets", new JsonArray().add("SE").add("ZZ"))),
        400,
        "markets[1]: invalid market");
    assertThat(get("cx").statusCode()).isEqualTo(404);
    assertProblem(gw.score(BadInputIT.valid().put("market", "ZZ")), 400, "market: invalid market");
    assertProblem(gw.score(BadInputIT.valid().put("market", "UK")), 400, "market: invalid market");
    assertThat(gw.score(BadInputIT.valid().put("market", "GB")).statusCode()).isEqualTo(200);
  }

  @Test
  void misspeltScoreFieldsAreRefused() {
    JsonObject req = BadInputIT.valid().put("maxPromoted", 1);
    assertProblem(gw.score(req), 400, "maxPromoted: unknown field (did you mean max_promoted?)");
    JsonArray results =
        gw.score(BadInputIT.valid().put("max_promoted", 1))
            .bodyAsJsonObject()
            .getJsonArray("results");
    assertThat(results.getJsonObject(0).getString("reason")).isEqualTo("promoted");
    assertThat(results.getJsonObject(1).getString("reason")).isEqualTo("slot_limit");
  }

  @Test
  void unknownDeliveryFieldsAreRefused() {
    JsonObject event =
        new JsonObject()
            .put("id", "e-strict")
            .put("user", "u-1")
            .put("track", "t1")
            .put("campaign", "c1")
            .put("surface", "autoplay")
            .put("ts", "2026-11-28T11:59:00Z");
    HttpResponse<Buffer> envelope =
        gw.http
            .post(gw.port, "127.0.0.1", "/v1/deliveries")
            .sendJsonObject(
                new JsonObject().put("events", new JsonArray().add(event)).put("dryRun", true))
            .await();
    assertProblem(envelope, 400, "dryRun: unknown field");
    HttpResponse<Buffer> perEvent =
        gw.http
            .post(gw.port, "127.0.0.1", "/v1/deliveries")
            .sendJsonObject(
                new JsonObject()
                    .put("events", new JsonArray().add(event.copy().put("Campaign", "c2"))))
            .await();
    assertThat(perEvent.statusCode()).isEqualTo(200);
    JsonObject body = perEvent.bodyAsJsonObject();
    assertThat(body.getInteger("accepted")).isZero();
    assertThat(body.getJsonArray("rejected").getJsonObject(0).getString("error"))
        .isEqualTo("Campaign: unknown field (did you mean campaign?)");
  }
}
