package io.scoregateway.gateway.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.scoregateway.gateway.config.ConfigKey;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** A request slowed on purpose (Redis paused) logs one structured line; fast ones log nothing. */
class SlowRequestLogIT {
  @Test
  void onlySlowRequestsAreLoggedWithTraceIdAndHops() throws Exception {
    Logger slow = (Logger) LoggerFactory.getLogger("io.scoregateway.slow");
    ListAppender<ILoggingEvent> appender = new ListAppender<>();
    appender.start();
    slow.addAppender(appender);
    Vertx vertx = Vertx.vertx();
    try (OtlpReceiver receiver = new OtlpReceiver(vertx);
        GatewayFixture gw =
            new GatewayFixture(
                // without the score cache every request reads Redis, so pausing Redis slows it
                Map.of(ConfigKey.SLOW_REQUEST_MS, "150", ConfigKey.SCORE_CACHE_ENTRIES, "0"),
                Map.of(
                    "otel.traces.exporter",
                    "otlp",
                    "otel.exporter.otlp.traces.endpoint",
                    "http://127.0.0.1:" + receiver.port() + "/v1/traces"))) {
      WebClient http = WebClient.create(vertx);
      JsonObject body =
          new JsonObject()
              .put("user", "u-1")
              .put("surface", "autoplay")
              .put("market", "SE")
              .put("candidates", new JsonArray().add("t1").add("t2"));
      for (int i = 0; i < 5; i++) {
        assertThat(
                http.post(gw.port, "127.0.0.1", "/v1/scores")
                    .sendJsonObject(body)
                    .await()
                    .statusCode())
            .isEqualTo(200);
      }
      assertThat(appender.list).as("fast requests are not logged").isEmpty();

      assertThat(gw.redis.command("CLIENT PAUSE 400 ALL")).isEqualTo("+OK");
      String traceparent =
          http.post(gw.port, "127.0.0.1", "/v1/scores")
              .sendJsonObject(body)
              .await()
              .getHeader("traceparent");

      // the line is written when the response has ended, just after the caller got it
      long deadline = System.currentTimeMillis() + 2_000;
      while (appender.list.isEmpty() && System.currentTimeMillis() < deadline) {
        Thread.sleep(10);
      }
      assertThat(appender.list).hasSize(1);
      ILoggingEvent e = appender.list.get(0);
      Map<String, Object> kv =
          e.getKeyValuePairs().stream()
              .collect(Collectors.toMap(p -> p.key, p -> p.value == null ? "" : p.value));
      assertThat(e.getFormattedMessage()).isEqualTo("slow request");
      assertThat(kv.get("trace_id")).isEqualTo(traceparent.split("-", -1)[1]);
      assertThat(kv)
          .containsEntry("route", "POST /v1/scores")
          .containsEntry("status", 200)
          .containsEntry("batch", 2)
          .containsEntry("outcome", "ok");
      assertThat((Double) kv.get("duration_ms")).isGreaterThanOrEqualTo(150.0);
      assertThat((String) kv.get("hops")).contains("redis;dur=").contains("total;dur=");
    } finally {
      slow.detachAppender(appender);
      vertx.close().await();
    }
  }
}
