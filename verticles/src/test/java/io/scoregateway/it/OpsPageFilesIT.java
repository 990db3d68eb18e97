package io.scoregateway.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.scoregateway.auth.Client;
import io.scoregateway.auth.Role;
import io.scoregateway.auth.TokenAuthenticator;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The operations page's files on the admin port: served from the jar with their content types and
 * cache policy, without a token, and nothing else under {@code /ui/} whatever the path says.
 */
class OpsPageFilesIT {
  static final String ADMIN = "ops-files-admin";
  static TestGateway gw;

  @BeforeAll
  static void setUp() throws Exception {
    gw =
        TestGateway.start(
            1,
            new TokenAuthenticator(
                List.of(new Client("ops", Set.of(Role.ADMIN), TokenAuthenticator.sha256(ADMIN)))));
  }

  @AfterAll
  static void tearDown() {
    gw.close();
  }

  static HttpResponse<Buffer> get(String path, String... headers) {
    var req = gw.http.get(gw.adminPort, "127.0.0.1", path);
    for (int i = 0; i < headers.length; i += 2) {
      req.putHeader(headers[i], headers[i + 1]);
    }
    return req.send().await();
  }

  @Test
  void thePageLoadsWithoutATokenButItsDataDoesNot() {
    HttpResponse<Buffer> page = get("/ui/");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.getHeader("content-type")).isEqualTo("text/html; charset=utf-8");
    assertThat(page.getHeader("cache-control")).isEqualTo("no-cache");
    assertThat(page.getHeader("content-security-policy")).contains("script-src 'self'");
    assertThat(page.getHeader("x-content-type-options")).isEqualTo("nosniff");
    assertThat(page.bodyAsString()).contains("<title>score-gateway").contains("app.js");
    for (String data :
        List.of("/admin/v1/campaigns", "/admin/v1/snapshots", "/admin/v1/campaigns/c1/history")) {
      HttpResponse<Buffer> r = get(data);
      assertThat(r.statusCode()).as(data).isEqualTo(401);
      assertThat(r.getHeader("www-authenticate")).isEqualTo("Bearer");
    }
    HttpResponse<Buffer> redirect =
        gw.http.get(gw.adminPort, "127.0.0.1", "/ui").followRedirects(false).send().await();
    assertThat(redirect.statusCode()).isEqualTo(301);
    assertThat(redirect.getHeader("location")).isEqualTo("/ui/");
  }

  @Test
  void everyFileHasItsTypeAndCachePolicy() {
    Map<String, String> types =
        Map.of(
            "/ui/app.js", "text/javascript; charset=utf-8",
            "/ui/charts.js", "text/javascript; charset=utf-8",
            "/ui/app.css", "text/css; charset=utf-8",
            "/ui/vendor/uplot-1.6.32/uPlot.iife.min.js", "text/javascript; charset=utf-8",
            "/ui/vendor/uplot-1.6.32/uPlot.min.css", "text/css; charset=utf-8",
            "/ui/vendor/uplot-1.6.32/LICENSE", "text/plain; charset=utf-8");
    types.forEach(
        (path, type) -> {
          HttpResponse<Buffer> r = get(path);
          assertThat(r.statusCode()).as(path).isEqualTo(200);
          assertThat(r.getHeader("content-type")).as(path).isEqualTo(type);
          assertThat(r.getHeader("cache-control"))
              .as(path)
              .isEqualTo(
                  path.contains("/vendor/") ? "public, max-age=31536000, immutable" : "no-cache");
          assertThat(r.body().length()).as(path).isPositive();
        });
    assertThat(get("/ui/vendor/uplot-1.6.32/LICENSE").bodyAsString()).contains("MIT License");
  }

  @Test
  void anUnchangedFileAnswers304() {
    HttpResponse<Buffer> first = get("/ui/app.js");
    String etag = first.getHeader("etag");
    assertThat(etag).startsWith("\"").endsWith("\"");
    HttpResponse<Buffer> again = get("/ui/app.js", "if-none-match", etag);
    assertThat(again.statusCode()).isEqualTo(304);
    assertThat(again.body()).isNull();
    assertThat(get("/ui/app.js", "if-none-match", "\"other\"").statusCode()).isEqualTo(200);
  }

  @Test
  void nothingOutsideThePageIsServed() throws Exception {
    List<String> paths =
        List.of(
            "/ui/../lua/pacing_refresh.lua",
            "/ui/%2e%2e/lua/pacing_refresh.lua",
            "/ui/..%2flua%2fpacing_refresh.lua",
            "/ui/..%5clua%5cpacing_refresh.lua",
            "/ui/vendor/..%2f..%2flogback-test.xml",
            "/ui/vendor/uplot-1.6.32/..%2f..%2f..%2flua%2fpacing_refresh.lua",
            "/ui/%2e%2e%2f%2e%2e%2fetc%2fpasswd",
            "/ui//etc/passwd",
            "/ui/vendor/",
            "/ui/vendor/uplot-1.6.32/",
            "/ui/vendor/other/LICENSE",
            "/ui/index.html%00.js",
            "/ui/app.js.map",
            "/ui/io/scoregateway/AdminVerticle.class");
    for (String path : paths) {
      RawHttp.Answer a =
          RawHttp.send(
              gw.adminPort, "GET " + path + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
      assertThat(a.status()).as(path + ": " + a).isIn(400, 404);
      assertThat(a.headers().get("content-type")).as(path).isEqualTo("application/problem+json");
      assertThat(a.body()).doesNotContain("KEYS[1]").doesNotContain("root:").doesNotContain("<");
    }
  }
}
