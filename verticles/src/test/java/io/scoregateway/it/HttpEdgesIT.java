package io.scoregateway.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** HTTP edges (content types, framing, limits, codings) answer problem+json 4xx, never 5xx. */
class HttpEdgesIT {
  static TestGateway gw;
  static HttpClientAgent client;

  @BeforeAll
  static void setUp() throws Exception {
    gw = TestGateway.start(1, null);
    client = gw.vertx.createHttpClient();
    gw.snapshot("s", true, "t1", "", 0.5);
  }

  @AfterAll
  static void tearDown() {
    gw.close();
  }

  @AfterEach
  void stillServing() {
    assertThat(gw.score(BadInputIT.valid()).statusCode()).isEqualTo(200);
  }

  record Answer(int status, MultiMap headers, Buffer body) {
    JsonObject json() {
      return new JsonObject(body);
    }
  }

  static Answer send(
      HttpMethod method, int port, String uri, Map<String, String> headers, byte[] body) {
    RequestOptions o =
        new RequestOptions().setMethod(method).setHost("127.0.0.1").setPort(port).setURI(uri);
    headers.forEach(o::putHeader);
    return client
        .request(o)
        .compose(
            r ->
                (body == null ? r.send() : r.send(Buffer.buffer(body)))
                    .compose(
                        resp ->
                            resp.body().map(b -> new Answer(resp.statusCode(), resp.headers(), b))))
        .await();
  }

  static void assertProblem(Answer a, int status, String detail) {
    assertThat(a.status()).as(a.body().toString()).isEqualTo(status);
    assertThat(a.headers().get("content-type")).isEqualTo("application/problem+json");
    assertThat(a.json().getInteger("status")).isEqualTo(status);
    assertThat(a.json().getString("detail")).contains(detail);
  }

  static void assertProblem(RawHttp.Answer a, int status, String detail) {
    assertThat(a.statusLine()).as(a.toString()).startsWith("HTTP/1.1 " + status + " ");
    assertThat(a.headers().get("content-type")).isEqualTo("application/problem+json");
    assertThat(a.json().getInteger("status")).isEqualTo(status);
    assertThat(a.json().getString("detail")).contains(detail);
  }

  static byte[] form(int bytes) {
    return ("a=" + "x".repeat(bytes)).getBytes(StandardCharsets.UTF_8);
  }

  /**
   * Item 9: a form-encoded body over 8 KB used to be decoded before the content type was checked:
   * 500.
   */
  @Test
  void largeFormBodiesAre415OnEveryJsonEndpoint() {
    Map<String, String> formCt = Map.of("content-type", "application/x-www-form-urlencoded");
    for (int size : List.of(100, 9_000, 100_000, 2_000_000)) {
      assertProblem(
          send(HttpMethod.POST, gw.port, "/v1/scores", formCt, form(size)), 415, "content-type");
      assertProblem(
          send(HttpMethod.POST, gw.port, "/v1/deliveries", formCt, form(size)),
          415,
          "content-type");
      assertProblem(
          send(HttpMethod.PUT, gw.adminPort, "/admin/v1/campaigns/c1", formCt, form(size)),
          415,
          "content-type");
      assertProblem(
          send(HttpMethod.POST, gw.port, "/v1/scores", Map.of(), form(size)), 415, "content-type");
      assertProblem(
          send(
              HttpMethod.POST,
              gw.port,
              "/v1/scores",
              Map.of("content-type", "multipart/form-data; boundary=x"),
              form(size)),
          415,
          "content-type");
    }
    // endpoints that take no body ignore it, whatever its type and size
    Answer activate =
        send(HttpMethod.POST, gw.adminPort, "/admin/v1/snapshots/s/activate", formCt, form(20_000));
    assertThat(activate.status()).as(activate.body().toString()).isEqualTo(200);
  }

  /** Item 10: no Host header used to be a 500 on every route. */
  @Test
  void missingHostIs400OnEveryRoute() throws IOException {
    for (String[] r :
        List.of(
            new String[] {"GET", "/health/live", "a"},
            new String[] {"GET", "/health/ready", "a"},
            new String[] {"GET", "/admin/v1/snapshots", "a"},
            new String[] {"POST", "/v1/scores", "d"},
            new String[] {"POST", "/v1/deliveries", "d"},
            new String[] {"GET", "/nowhere", "d"})) {
      byte[] body = BadInputIT.valid().toBuffer().getBytes();
      int port = r[2].equals("a") ? gw.adminPort : gw.port;
      RawHttp.Answer a =
          RawHttp.send(
              port,
              r[0]
                  + " "
                  + r[1]
                  + " HTTP/1.1\r\ncontent-type: application/json\r\n"
                  + "content-length: "
                  + body.length
                  + "\r\n\r\n",
              body);
      assertProblem(a, 400, "host");
      RawHttp.Answer http10 = RawHttp.send(port, r[0] + " " + r[1] + " HTTP/1.0\r\n\r\n");
      assertThat(http10.status()).as(http10.toString()).isEqualTo(400);
    }
  }

  /**
   * Item 11: 405 without Allow; 414/431 with empty bodies on HTTP/1.0; parser internals in details.
   */
  @Test
  void methodNotAllowedListsTheAllowedMethods() {
    Answer a = send(HttpMethod.GET, gw.port, "/v1/scores", Map.of(), null);
    assertProblem(a, 405, "GET");
    assertThat(a.headers().get("allow")).isEqualTo("POST");
    Answer b = send(HttpMethod.POST, gw.adminPort, "/admin/v1/campaigns/c1", Map.of(), null);
    assertProblem(b, 405, "POST");
    assertThat(b.headers().get("allow")).isEqualTo("DELETE, GET, PUT");
    Answer c = send(HttpMethod.PATCH, gw.adminPort, "/health/live", Map.of(), null);
    assertThat(c.headers().get("allow")).isEqualTo("GET");
  }

  @Test
  void oversizedRequestLinesAndHeadersAreProblemJsonOverHttp11() throws IOException {
    for (int len : List.of(9_000, 40_000, 200_000)) {
      RawHttp.Answer a =
          RawHttp.send(
              gw.port, "GET /v1/scores?x=" + "a".repeat(len) + " HTTP/1.1\r\nhost: x\r\n\r\n");
      assertThat(a.status()).as(a.toString()).isEqualTo(414);
      assertThat(a.headers().get("content-type")).isEqualTo("application/problem+json");
      assertThat(a.json().getString("detail")).startsWith("uri: ");
      if (len < 60_000) {
        assertProblem(a, 414, "uri");
      }
    }
    for (int len : List.of(20_000, 50_000, 200_000)) {
      RawHttp.Answer a =
          RawHttp.send(
              gw.adminPort,
              "GET /health/live HTTP/1.1\r\nhost: x\r\nx-big: " + "b".repeat(len) + "\r\n\r\n");
      assertThat(a.status()).as(a.toString()).isEqualTo(431);
      assertThat(a.json().getString("detail")).startsWith("headers: ");
      if (len < 60_000) {
        assertProblem(a, 431, "headers");
      }
    }
  }

  @Test
  void parseErrorsAreInTheProductsOwnWords() {
    byte[] deep =
        ("{\"events\":" + "[".repeat(40) + "]".repeat(40) + "}").getBytes(StandardCharsets.UTF_8);
    Map<String, String> json = Map.of("content-type", "application/json");
    for (Answer a :
        List.of(
            send(HttpMethod.POST, gw.port, "/v1/deliveries", json, deep),
            send(HttpMethod.PUT, gw.adminPort, "/admin/v1/campaigns/c1", json, deep))) {
      assertProblem(a, 400, "body: nested deeper than 32 levels");
      assertThat(a.body().toString())
          .doesNotContain("StreamReadConstraints")
          .doesNotContain("jackson");
    }
    Answer broken =
        send(
            HttpMethod.POST,
            gw.port,
            "/v1/scores",
            Map.of("content-type", "application/json"),
            "{\"user\": }".getBytes(StandardCharsets.UTF_8));
    assertProblem(broken, 400, "body: malformed JSON (at line 1, column");
    assertThat(broken.body().toString()).doesNotContain("code 125").doesNotContain("expecting");

    // a value past the length limits names its field
    Answer huge =
        send(
            HttpMethod.POST,
            gw.port,
            "/v1/scores",
            json,
            ("{\"user\":\"u-1\",\"max_promoted\":1" + "0".repeat(100_000) + "}")
                .getBytes(StandardCharsets.UTF_8));
    assertProblem(huge, 400, "max_promoted: a value longer than 65536 characters");
  }

  @Test
  void gzipRequestBodiesAreDecompressedWithinTheBodyLimit() throws IOException {
    Map<String, String> gz = Map.of("content-type", "application/json", "content-encoding", "gzip");
    Answer ok =
        send(
            HttpMethod.POST,
            gw.port,
            "/v1/scores",
            gz,
            gzip(BadInputIT.valid().toBuffer().getBytes()));
    assertThat(ok.status()).as(ok.body().toString()).isEqualTo(200);
    assertThat(ok.json().getJsonArray("results")).hasSize(2);
    // a few hundred bytes that inflate past the limit: 413, not a buffered 10 MB
    byte[] bomb =
        gzip(("{\"user\":\"" + " ".repeat(10_000_000) + "\"}").getBytes(StandardCharsets.UTF_8));
    assertThat(bomb.length).isLessThan(20_000);
    assertProblem(send(HttpMethod.POST, gw.port, "/v1/scores", gz, bomb), 413, "decompressed");
    assertProblem(
        send(HttpMethod.PUT, gw.adminPort, "/admin/v1/campaigns/c1", gz, bomb),
        413,
        "decompressed");
    assertProblem(
        send(
            HttpMethod.POST,
            gw.port,
            "/v1/scores",
            gz,
            "not gzip".getBytes(StandardCharsets.UTF_8)),
        400,
        "gzip");
    assertProblem(
        send(
            HttpMethod.POST,
            gw.port,
            "/v1/scores",
            Map.of("content-type", "application/json", "content-encoding", "br"),
            BadInputIT.valid().toBuffer().getBytes()),
        415,
        "content-encoding");
  }

  @Test
  void largeAnswersAreCompressedForCallersThatAsk() throws IOException {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 500; i++) {
      ids.add("t" + i);
    }
    byte[] body = BadInputIT.valid().put("candidates", new JsonArray(ids)).toBuffer().getBytes();
    Answer a =
        send(
            HttpMethod.POST,
            gw.port,
            "/v1/scores",
            Map.of("content-type", "application/json", "accept-encoding", "gzip"),
            body);
    assertThat(a.status()).isEqualTo(200);
    assertThat(a.headers().get("content-encoding")).isEqualTo("gzip");
    JsonObject answer = new JsonObject(Buffer.buffer(gunzip(a.body().getBytes())));
    assertThat(answer.getJsonArray("results")).hasSize(500);
    Answer plain =
        send(
            HttpMethod.POST,
            gw.port,
            "/v1/scores",
            Map.of("content-type", "application/json"),
            body);
    assertThat(plain.headers().get("content-encoding")).isNull();
  }

  static byte[] gzip(byte[] in) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream z = new GZIPOutputStream(out)) {
      z.write(in);
    }
    return out.toByteArray();
  }

  static byte[] gunzip(byte[] in) throws IOException {
    try (GZIPInputStream z = new GZIPInputStream(new java.io.ByteArrayInputStream(in))) {
      return z.readAllBytes();
    }
  }
}
