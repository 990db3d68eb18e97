package io.scoregateway.gateway.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.MetadataUtils;
import io.scoregateway.devredis.LocalRedis;
import io.scoregateway.gateway.config.ConfigKey;
import io.scoregateway.grpc.v1.Reason;
import io.scoregateway.grpc.v1.ScoreRequest;
import io.scoregateway.grpc.v1.ScoreResponse;
import io.scoregateway.grpc.v1.ScoreServiceGrpc;
import io.vertx.core.Vertx;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * A gRPC call carries its W3C trace context in metadata: the server span joins the caller's trace,
 * is named by the method, and has the same hop spans beneath it as an HTTP request; the answer's
 * metadata gives the call's {@code traceparent}.
 */
class GrpcTracingIT {
  static final String TRACE = "5cf92f3577b34da6a3ce929d0e0e4737";
  static final String CALLER_SPAN = "10f067aa0ba902b8";
  static final Metadata.Key<String> TRACEPARENT =
      Metadata.Key.of("traceparent", Metadata.ASCII_STRING_MARSHALLER);

  @Test
  void aCallJoinsTheCallersTraceWithMethodNamedServerSpanAndHopSpans() throws Exception {
    Vertx vertx = Vertx.vertx();
    int grpcPort = LocalRedis.freePort();
    try (OtlpReceiver receiver = new OtlpReceiver(vertx)) {
      GatewayFixture gw =
          new GatewayFixture(
              Map.of(ConfigKey.GRPC_PORT, Integer.toString(grpcPort)),
              Map.of(
                  "otel.traces.exporter", "otlp",
                  "otel.exporter.otlp.traces.endpoint",
                      "http://127.0.0.1:" + receiver.port() + "/v1/traces",
                  "otel.bsp.schedule.delay", "50",
                  "otel.traces.sampler", "parentbased_always_on"));
      try (gw) { // the calls below reach it through grpcPort
        ManagedChannel channel =
            NettyChannelBuilder.forAddress("127.0.0.1", grpcPort).usePlaintext().build();
        try {
          Metadata out = new Metadata();
          out.put(TRACEPARENT, "00-" + TRACE + "-" + CALLER_SPAN + "-01");
          AtomicReference<Metadata> headers = new AtomicReference<>();
          AtomicReference<Metadata> trailers = new AtomicReference<>();
          ScoreResponse r =
              ScoreServiceGrpc.newBlockingStub(channel)
                  .withInterceptors(
                      MetadataUtils.newAttachHeadersInterceptor(out),
                      MetadataUtils.newCaptureMetadataInterceptor(headers, trailers))
                  .withDeadlineAfter(30, TimeUnit.SECONDS)
                  .score(
                      ScoreRequest.newBuilder()
                          .setUser("u-1")
                          .setSurface("autoplay")
                          .setMarket("SE")
                          .addCandidates("t1")
                          .addCandidates("t9")
                          .addCandidates("t3")
                          .build());
          assertThat(r.getResults(0).getReason()).isEqualTo(Reason.REASON_PROMOTED);

          List<OtlpReceiver.SpanData> spans = awaitSpans(receiver);
          OtlpReceiver.SpanData server =
              spans.stream()
                  .filter(s -> s.name().equals("scoregateway.v1.ScoreService/Score"))
                  .findFirst()
                  .orElseThrow(() -> new AssertionError(spans));
          assertThat(server.parentSpanId()).isEqualTo(CALLER_SPAN);
          assertThat(server.attributes())
              .containsEntry("rpc.system", "grpc")
              .containsEntry("rpc.service", "scoregateway.v1.ScoreService")
              .containsEntry("rpc.method", "Score")
              .containsEntry("rpc.grpc.status_code", 0L);
          assertThat(headers.get().get(TRACEPARENT))
              .isEqualTo("00-" + TRACE + "-" + server.spanId() + "-01");
          for (String hop : List.of("score lookup", "allocation", "response write")) {
            assertThat(spans)
                .as("hop %s beneath the server span", hop)
                .anyMatch(s -> s.name().equals(hop) && s.parentSpanId().equals(server.spanId()));
          }
          assertThat(spans).allMatch(s -> s.traceId().equals(TRACE));
        } finally {
          channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        }
      }
    } finally {
      vertx.close().await();
    }
  }

  private static List<OtlpReceiver.SpanData> awaitSpans(OtlpReceiver receiver)
      throws InterruptedException {
    long deadline = System.currentTimeMillis() + 10_000;
    while (System.currentTimeMillis() < deadline) {
      List<OtlpReceiver.SpanData> s =
          receiver.spans().stream().filter(x -> x.traceId().equals(TRACE)).toList();
      if (s.stream().anyMatch(x -> x.name().equals("response write"))
          && s.stream().anyMatch(x -> x.name().equals("scoregateway.v1.ScoreService/Score"))) {
        return s;
      }
      Thread.sleep(50);
    }
    throw new AssertionError("spans not exported in time: " + receiver.spans());
  }
}
