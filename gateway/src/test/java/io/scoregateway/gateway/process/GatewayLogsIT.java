package io.scoregateway.gateway.process;

import static org.assertj.core.api.Assertions.assertThat;

import io.scoregateway.devredis.LocalRedis;
import io.vertx.core.json.JsonObject;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What a running gateway writes, read as a person and a log shipper would: flat JSON lines with
 * ISO-8601 timestamps, Redis losses and recoveries, no credentials, no export noise, and a stop
 * within 2 s whether or not a collector is configured (or answers).
 */
class GatewayLogsIT {
  private static final String SECRET = "s3cret-pw-4711";

  @Test
  void jsonLinesRedisReconnectsNoCredentialsQuickStop() throws Exception {
    LocalRedis redis = LocalRedis.start();
    assertThat(redis.command("CONFIG SET requirepass " + SECRET)).isEqualTo("+OK");
    String url = "redis://:" + SECRET + "@127.0.0.1:" + redis.port();
    int port = LocalRedis.freePort();
    try (GatewayProcess gw =
        GatewayProcess.start(
            Map.of("OTEL_BSP_SCHEDULE_DELAY", "50"),
            "serve",
            "--no-auth",
            "--host",
            "127.0.0.1",
            "--redis",
            url,
            "--port",
            Integer.toString(port),
            "--admin-port",
            Integer.toString(LocalRedis.freePort()),
            "--event-loops",
            "1")) {
      assertThat(gw.awaitStdout(l -> l.contains("serving:"), 15_000)).as(gw.output()).isTrue();
      score(port);

      redis.kill();
      assertThat(gw.awaitStdout(l -> l.contains("connection lost"), 5_000))
          .as(gw.output())
          .isTrue();
      redis = redis.restart();
      assertThat(redis.command("CONFIG SET requirepass " + SECRET)).isEqualTo("+OK");
      assertThat(gw.awaitStdout(l -> l.contains("reconnected after"), 10_000))
          .as(gw.output())
          .isTrue();
      score(port);
      Thread.sleep(300); // time for an export attempt, were one configured

      long stopMs = gw.stopMillis();
      assertThat(stopMs).as("stopped within 2 s").isBetween(0L, 2_000L);
      assertJsonLines(gw.stdoutLines());
      assertThat(gw.output())
          .doesNotContain(SECRET)
          .doesNotContain("SEVERE")
          .contains("redis://:***@");
      assertThat(gw.stderrLines()).isEmpty();
    } finally {
      redis.close();
    }
  }

  @Test
  void commandErrorsNeverEchoThePassword() throws Exception {
    int nobody = LocalRedis.freePort();
    for (String[] args :
        List.of(
            new String[] {
              "demo-data",
              "--redis",
              "redis://app:" + SECRET + "@127.0.0.1:" + nobody,
              "--tracks",
              "10"
            },
            new String[] {
              "serve", "--no-auth", "--redis", "redis://:" + SECRET + "@127.0.0.1:99999"
            },
            new String[] {
              "load-scores",
              "--redis",
              "ftp://:" + SECRET + "@x",
              "--file",
              "x.csv",
              "--snapshot",
              "s"
            })) {
      try (GatewayProcess p = GatewayProcess.start(Map.of(), args)) {
        assertThat(p.exitWithin(30_000)).as(p.output()).isNotNull().isNotZero();
        assertThat(p.stderrLines()).as(p.output()).hasSize(1);
        assertThat(p.output()).doesNotContain(SECRET).doesNotContain("\tat ");
      }
    }
  }

  @Test
  void stopsWithin2sWhenTheCollectorNeverAnswers() throws Exception {
    try (LocalRedis redis = LocalRedis.start();
        ServerSocket blackHole = new ServerSocket()) {
      blackHole.bind(
          new InetSocketAddress(
              InetAddress.getLoopbackAddress(), 0)); // accepts connections, never answers
      int port = LocalRedis.freePort();
      try (GatewayProcess gw =
          GatewayProcess.start(
              Map.of(
                  "OTEL_EXPORTER_OTLP_ENDPOINT",
                  "http://127.0.0.1:" + blackHole.getLocalPort(),
                  "OTEL_TRACES_SAMPLER",
                  "always_on",
                  "OTEL_BSP_SCHEDULE_DELAY",
                  "50"),
              "serve",
              "--no-auth",
              "--host",
              "127.0.0.1",
              "--redis",
              redis.url(),
              "--port",
              Integer.toString(port),
              "--admin-port",
              Integer.toString(LocalRedis.freePort()),
              "--event-loops",
              "1")) {
        assertThat(gw.awaitStdout(l -> l.contains("serving:"), 15_000)).as(gw.output()).isTrue();
        for (int i = 0; i < 5; i++) {
          score(port);
        }
        Thread.sleep(500); // an export is now hanging on the silent collector
        long stopMs = gw.stopMillis();
        assertThat(stopMs).as("stopped within 2 s: %s", gw.output()).isBetween(0L, 2_000L);
        assertJsonLines(gw.stdoutLines());
        assertThat(gw.output()).doesNotContain("SEVERE");
      }
    }
  }

  private static void score(int port) throws Exception {
    HttpResponse<String> r =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v1/scores"))
                    .header("content-type", "application/json")
                    .POST(
                        HttpRequest.BodyPublishers.ofString(
                            "{\"user\":\"u-1\",\"surface\":\"autoplay\",\"market\":\"SE\",\"candidates\":[\"t1\"]}"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).isLessThan(500);
  }

  static void assertJsonLines(List<String> lines) {
    List<String> bad = new ArrayList<>();
    for (String line : lines) {
      try {
        JsonObject o = new JsonObject(line);
        if (!o.getString("timestamp", "")
                .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z")
            || o.containsKey("context")
            || o.getString("level") == null
            || o.getString("message") == null) {
          bad.add(line);
        }
      } catch (RuntimeException e) {
        bad.add(line);
      }
    }
    assertThat(bad).as("lines that are not flat JSON with an ISO-8601 timestamp").isEmpty();
    assertThat(lines).isNotEmpty();
  }
}
