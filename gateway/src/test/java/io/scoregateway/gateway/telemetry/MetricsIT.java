package io.scoregateway.gateway.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import io.scoregateway.gateway.config.ConfigKey;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** /metrics is valid exposition text and its counters move by exactly what a known sequence did. */
class MetricsIT {
  static final Pattern SAMPLE =
      Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{[^}]*\\})? (\\S+)$");
  static Vertx vertx;
  static GatewayFixture gw;
  static WebClient http;

  @BeforeAll
  static void setUp() throws Exception {
    vertx = Vertx.vertx();
    // no score cache: every score lookup goes to Redis, so the Redis timers move predictably
    gw =
        new GatewayFixture(
            Map.of(ConfigKey.SCORE_CACHE_ENTRIES, "0"), Map.of("otel.traces.exporter", "none"));
    http = WebClient.create(vertx);
  }

  @AfterAll
  static void tearDown() {
    gw.close();
    vertx.close().await();
  }

  static HttpResponse<Buffer> score(String user, String... tracks) {
    return http.post(gw.port, "127.0.0.1", "/v1/scores")
        .sendJsonObject(
            new JsonObject()
                .put("user", user)
                .put("surface", "autoplay")
                .put("market", "SE")
                .put("candidates", new JsonArray(java.util.List.of((Object[]) tracks))))
        .await();
  }

  static String page() {
    HttpResponse<Buffer> r = http.get(gw.adminPort, "127.0.0.1", "/metrics").send().await();
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.getHeader("content-type")).startsWith("text/plain");
    return r.bodyAsString();
  }

  /** Every sample of the page by its full series name (name plus labels). */
  static Map<String, Double> samples(String page) {
    Map<String, Double> out = new HashMap<>();
    for (String line : page.split("\n", -1)) {
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      Matcher m = SAMPLE.matcher(line);
      assertThat(m.matches()).as("exposition line: " + line).isTrue();
      out.put(m.group(1) + (m.group(2) == null ? "" : m.group(2)), Double.parseDouble(m.group(3)));
    }
    return out;
  }

  static double delta(Map<String, Double> before, Map<String, Double> after, String series) {
    assertThat(after).as("series %s", series).containsKey(series);
    return after.get(series) - before.getOrDefault(series, 0.0);
  }

  @Test
  void countersMoveByTheRightAmounts() {
    Map<String, Double> before = samples(page());
    score("u-m1", "t1", "t9", "t3"); // promoted t1, t3; not_enrolled t9
    JsonObject event =
        new JsonObject()
            .put("id", "m-1")
            .put("user", "u-m1")
            .put("track", "t3")
            .put("campaign", "c2")
            .put("surface", "autoplay")
            .put("ts", Instant.now().toString());
    http.post(gw.port, "127.0.0.1", "/v1/deliveries")
        .sendJsonObject(
            new JsonObject().put("events", new JsonArray().add(event).add(event.copy())))
        .await();
    score("u-m1", "t3"); // frequency_capped (max 1)
    assertThat(score("u-m1", "bad id").statusCode()).isEqualTo(400);
    Map<String, Double> after = samples(page());

    assertThat(
            delta(before, after, "gateway_decisions_total{arm=\"champion\",reason=\"promoted\"}"))
        .isEqualTo(2);
    assertThat(
            delta(
                before, after, "gateway_decisions_total{arm=\"champion\",reason=\"not_enrolled\"}"))
        .isEqualTo(1);
    assertThat(
            delta(
                before,
                after,
                "gateway_decisions_total{arm=\"champion\",reason=\"frequency_capped\"}"))
        .isEqualTo(1);
    assertThat(
            delta(
                before, after, "gateway_requests_total{route=\"POST /v1/scores\",status=\"200\"}"))
        .isEqualTo(2);
    assertThat(
            delta(
                before, after, "gateway_requests_total{route=\"POST /v1/scores\",status=\"400\"}"))
        .isEqualTo(1);
    assertThat(
            delta(
                before,
                after,
                "gateway_requests_total{route=\"POST /v1/deliveries\",status=\"200\"}"))
        .isEqualTo(1);
    assertThat(delta(before, after, "gateway_delivery_events_total{outcome=\"accepted\"}"))
        .isEqualTo(1);
    assertThat(delta(before, after, "gateway_delivery_events_total{outcome=\"duplicate\"}"))
        .isEqualTo(1);
    assertThat(delta(before, after, "gateway_batch_size_count{route=\"POST /v1/scores\"}"))
        .isEqualTo(2);
    assertThat(delta(before, after, "gateway_batch_size_sum{route=\"POST /v1/scores\"}"))
        .isEqualTo(4);
    assertThat(
            delta(
                before, after, "gateway_request_duration_seconds_count{route=\"POST /v1/scores\"}"))
        .isEqualTo(3);
    assertThat(
            delta(
                before,
                after,
                "gateway_redis_duration_seconds_count{operation=\"scores\",outcome=\"ok\"}"))
        .isEqualTo(2);
    assertThat(
            delta(
                before,
                after,
                "gateway_redis_duration_seconds_count{operation=\"deliveries\",outcome=\"ok\"}"))
        .isEqualTo(1);
    assertThat(after).containsKey("gateway_in_flight");
    assertThat(
            after.get(
                "gateway_request_duration_seconds_bucket{route=\"POST /v1/scores\",le=\"0.05\"}"))
        .isNotNull();
  }

  @Test
  void pageHasOnlyBoundedLabelsAndPassesPromtoolWhereInstalled() throws Exception {
    score("u-m2", "t1");
    String page = page();
    samples(page);
    for (String line : page.split("\n", -1)) {
      assertThat(line).doesNotContain("u-m2").doesNotContain("127.0.0.1");
    }
    File promtool = onPath("promtool");
    if (promtool != null) {
      Process p =
          new ProcessBuilder(promtool.getPath(), "check", "metrics")
              .redirectErrorStream(true)
              .start();
      p.getOutputStream().write(page.getBytes(StandardCharsets.UTF_8));
      p.getOutputStream().close();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
      assertThat(p.exitValue()).as("promtool check metrics:\n" + out).isZero();
    }
  }

  private static File onPath(String name) {
    for (String d : System.getenv("PATH").split(File.pathSeparator, -1)) {
      if (d.isEmpty()) {
        continue; // an empty PATH entry names no directory to look in
      }
      File f = new File(d, name);
      if (f.canExecute()) {
        return f;
      }
    }
    return null;
  }
}
