package io.scoregateway.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Bad requests get problem+json 4xx naming the field, and the server keeps serving. */
class BadInputIT {
  static TestGateway gw;

  @BeforeAll
  static void setUp() throws Exception {
    gw = TestGateway.start(1, null);
  }

  @AfterAll
  static void tearDown() {
    gw.close();
  }

  @AfterEach
  void stillServing() {
    HttpResponse<Buffer> ok = gw.score(valid());
    assertThat(ok.statusCode()).isEqualTo(200);
  }

  static JsonObject valid() {
    return new JsonObject()
        .put("user", "u-1")
        .put("surface", "autoplay")
        .put("market", "SE")
        .put("candidates", new JsonArray().add("t1").add("t2"));
  }

  static void assertProblem(HttpResponse<Buffer> r, int status, String detailContains) {
    assertThat(r.statusCode()).as(r.bodyAsString()).isEqualTo(status);
    assertThat(r.getHeader("content-type")).isEqualTo("application/problem+json");
    JsonObject p = r.bodyAsJsonObject();
    assertThat(p.getInteger("status")).isEqualTo(status);
    assertThat(p.getString("type")).startsWith("https://");
    assertThat(p.getString("title")).isNotBlank();
    assertThat(p.getString("detail")).contains(detailContains);
  }

  @Test
  void malformedJson() {
    assertProblem(
        gw.scoreRaw("application/json", Buffer.buffer("{\"user\": \"u-1\",")),
        400,
        "body: malformed JSON");
    assertProblem(
        gw.scoreRaw("application/json", Buffer.buffer("[1,2]")),
        400,
        "body: must be a JSON object");
    assertProblem(gw.scoreRaw("application/json", Buffer.buffer("")), 400, "body");
    assertProblem(gw.scoreRaw("application/json", Buffer.buffer("{} {}")), 400, "body");
  }

  @Test
  void missingFieldsAreNamed() {
    for (String field : List.of("user", "surface", "market", "candidates")) {
      JsonObject body = valid();
      body.remove(field);
      assertProblem(gw.score(body), 400, field + ": is required");
    }
  }

  @Test
  void wrongTypesAreNamed() {
    assertProblem(gw.score(valid().put("user", 7)), 400, "user: must be a string");
    assertProblem(gw.score(valid().put("candidates", "t1")), 400, "candidates: must be an array");
    assertProblem(gw.score(valid().put("max_promoted", "3")), 400, "max_promoted");
    assertProblem(gw.score(valid().put("max_promoted", -1)), 400, "max_promoted");
    assertProblem(gw.score(valid().put("max_promoted", 1.5)), 400, "max_promoted");
    assertProblem(gw.score(valid().put("explain", "yes")), 400, "explain: must be a boolean");
    assertProblem(gw.score(valid().put("market", "Sweden")), 400, "market: invalid market");
  }

  @Test
  void badIdsNameTheirPosition() {
    JsonObject body = valid().put("candidates", new JsonArray().add("t1").add("t 2").add("t3"));
    assertProblem(gw.score(body), 400, "candidates[1]: invalid track id");
    assertProblem(
        gw.score(valid().put("candidates", new JsonArray().add("t1").add(5))),
        400,
        "candidates[1]");
    assertProblem(gw.score(valid().put("user", "x".repeat(129))), 400, "user: invalid user id");
    assertProblem(gw.score(valid().put("segment", "s/1")), 400, "segment: invalid segment");
    assertProblem(
        gw.score(valid().put("candidates", new JsonArray())),
        400,
        "candidates: must contain at least one");
  }

  @Test
  void tooManyCandidates() {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 1001; i++) {
      ids.add("t" + i);
    }
    assertProblem(
        gw.score(valid().put("candidates", new JsonArray(ids))),
        400,
        "too many candidates (at most 1000)");
  }

  @Test
  void oversizedBody() {
    String huge = "{\"user\":\"" + "u".repeat(300_000) + "\"}";
    assertProblem(gw.scoreRaw("application/json", Buffer.buffer(huge)), 413, "body");
  }

  @Test
  void unknownContentType() {
    assertProblem(gw.scoreRaw("text/plain", valid().toBuffer()), 415, "content-type");
    assertProblem(gw.scoreRaw("application/xml", valid().toBuffer()), 415, "content-type");
  }

  @Test
  void badDeadlineHeader() {
    HttpResponse<Buffer> r =
        gw.http
            .post(gw.port, "127.0.0.1", "/v1/scores")
            .putHeader("x-request-timeout-ms", "soon")
            .sendJsonObject(valid())
            .await();
    assertProblem(r, 400, "X-Request-Timeout-Ms");
  }

  @Test
  void unknownRouteIsProblemJson() {
    HttpResponse<Buffer> r = gw.http.get(gw.port, "127.0.0.1", "/v2/nothing").send().await();
    assertProblem(r, 404, "path");
  }
}
