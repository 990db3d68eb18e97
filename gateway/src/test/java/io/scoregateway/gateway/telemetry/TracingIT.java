package io.scoregateway.gateway.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The span tree of one scoring request, as a real OTLP exporter sends it over the wire. */
class TracingIT {
  static final String TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
  static final String CALLER_SPAN = "00f067aa0ba902b7";

  @Test
  void oneRequestYieldsServerSpanHopSpansAndRedisSpansBeneath() throws Exception {
    Vertx vertx = Vertx.vertx();
    try (OtlpReceiver receiver = new OtlpReceiver(vertx);
        GatewayFixture gw =
            new GatewayFixture(
                Map.of(),
                Map.of(
                    "otel.traces.exporter", "otlp",
                    "otel.exporter.otlp.traces.endpoint",
                        "http://127.0.0.1:" + receiver.port() + "/v1/traces",
                    "otel.bsp.schedule.delay", "50",
                    "otel.traces.sampler", "parentbased_always_on"))) {
      WebClient http = WebClient.create(vertx);
      HttpResponse<Buffer> r =
          http.post(gw.port, "127.0.0.1", "/v1/scores")
              .putHeader("traceparent", "00-" + TRACE + "-" + CALLER_SPAN + "-01")
              .sendJsonObject(
                  new JsonObject()
                      .put("user", "u-1")
                      .put("surface", "autoplay")
                      .put("market", "SE")
                      .put("candidates", new JsonArray().add("t1").add("t9").add("t3").add("t2")))
              .await();
      assertThat(r.statusCode()).isEqualTo(200);
      assertThat(r.getHeader("traceparent")).startsWith("00-" + TRACE + "-");
      assertThat(r.getHeader("server-timing")).contains("redis;dur=");

      // the server span, four hops and the one MGET that carried both lookups
      List<OtlpReceiver.SpanData> spans = awaitSpans(receiver, 6);
      OtlpReceiver.SpanData server =
          find(spans, "POST /v1/scores").orElseThrow(() -> new AssertionError(spans));
      assertThat(server.traceId()).isEqualTo(TRACE);
      assertThat(server.parentSpanId()).isEqualTo(CALLER_SPAN);
      assertThat(server.attributes()).containsEntry("http.route", "/v1/scores");
      assertThat(r.getHeader("traceparent"))
          .isEqualTo("00-" + TRACE + "-" + server.spanId() + "-01");

      OtlpReceiver.SpanData lookup = child(spans, server, "score lookup");
      assertThat(lookup.attributes())
          .containsEntry("gateway.batch.tracks", 3L)
          .containsEntry("gateway.snapshot", "snap");
      // pacing is decided from the instance's in-memory view: no pacing hop on a request
      assertThat(find(spans, "pacing refresh")).isEmpty();
      assertThat(find(spans, "pacing")).isEmpty();
      OtlpReceiver.SpanData frequency = child(spans, server, "frequency");
      OtlpReceiver.SpanData allocation = child(spans, server, "allocation");
      assertThat(allocation.attributes())
          .as("allocation of %s", r.bodyAsString())
          .containsEntry("gateway.decisions.promoted", 3L);
      child(spans, server, "response write");
      // the score and frequency keys go out as one MGET, asked in one turn: the Redis client's
      // span of it nests under the hop that asked first
      assertThat(spans)
          .anyMatch(
              s ->
                  s.parentSpanId().equals(lookup.spanId())
                      || s.parentSpanId().equals(frequency.spanId()));
      assertThat(spans).allMatch(s -> s.traceId().equals(TRACE));
    } finally {
      vertx.close().await();
    }
  }

  private static List<OtlpReceiver.SpanData> awaitSpans(OtlpReceiver receiver, int atLeast)
      throws InterruptedException {
    long deadline = System.currentTimeMillis() + 10_000;
    while (System.currentTimeMillis() < deadline) {
      List<OtlpReceiver.SpanData> s = receiver.spans();
      if (s.stream().filter(x -> x.traceId().equals(TRACE)).count() >= atLeast
          && find(s, "response write").isPresent()) {
        Thread.sleep(200);
        return receiver.spans().stream().filter(x -> x.traceId().equals(TRACE)).toList();
      }
      Thread.sleep(50);
    }
    throw new AssertionError("spans not exported in time: " + receiver.spans());
  }

  private static Optional<OtlpReceiver.SpanData> find(
      List<OtlpReceiver.SpanData> spans, String name) {
    return spans.stream().filter(s -> s.name().equals(name)).findFirst();
  }

  private static OtlpReceiver.SpanData child(
      List<OtlpReceiver.SpanData> spans, OtlpReceiver.SpanData parent, String name) {
    OtlpReceiver.SpanData s =
        find(spans, name).orElseThrow(() -> new AssertionError("no span " + name + " in " + spans));
    assertThat(s.parentSpanId()).as("parent of %s", name).isEqualTo(parent.spanId());
    return s;
  }
}
