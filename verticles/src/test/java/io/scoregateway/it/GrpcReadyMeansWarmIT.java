package io.scoregateway.it;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.scoregateway.AdminVerticle;
import io.scoregateway.DataPlaneVerticle;
import io.scoregateway.Engine;
import io.scoregateway.catalog.LiveCatalog;
import io.scoregateway.config.EngineConfig;
import io.scoregateway.config.PacingConfig;
import io.scoregateway.config.RedisConfig;
import io.scoregateway.devredis.LocalRedis;
import io.scoregateway.grpc.GrpcWarmup;
import io.scoregateway.grpc.v1.Reason;
import io.scoregateway.grpc.v1.ScoreRequest;
import io.scoregateway.grpc.v1.ScoreResponse;
import io.scoregateway.grpc.v1.ScoreResult;
import io.scoregateway.pacing.ManualClock;
import io.scoregateway.telemetry.Telemetry;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Vertx;
import io.vertx.grpc.health.v1.HealthCheckResponse;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * Ready means warm over gRPC too: before {@code /health/ready} turns 200, every data-plane instance
 * has run its gRPC warm-up (real {@code Score} and {@code ScoreStream} calls over loopback HTTP/2,
 * all OK), and the first {@code Score} of 1000 candidates after ready is answered resolved within a
 * short deadline.
 */
class GrpcReadyMeansWarmIT {
  static final int INSTANCES = 2;

  /** Calls per instance: 20 rounds of the batches 1000, 100 and 10. */
  static final int WARM_CALLS = 60;

  /**
   * Short, with room for a loaded 2-core machine: a warm 1000-candidate call takes a few ms there.
   */
  static final long DEADLINE_MS = 150;

  @Test
  void theGrpcPathIsWarmBeforeReadyAndTheFirstCallMeetsAShortDeadline() throws Exception {
    ListAppender<ILoggingEvent> log = new ListAppender<>();
    Logger warmLog = (Logger) LoggerFactory.getLogger(GrpcWarmup.class);
    log.start();
    warmLog.addAppender(log);
    LocalRedis redis = LocalRedis.start();
    ReadyMeansWarmIT.seed(redis);
    EngineConfig cfg =
        TestGateway.withGrpc(
            TestGateway.config(RedisConfig.standalone(redis.url()), INSTANCES, 50)
                .withPacing(PacingConfig.DEFAULTS));
    Engine engine =
        Engine.create(
            cfg,
            new LiveCatalog(),
            null,
            new ManualClock(Instant.parse("2026-11-28T12:00:00Z")),
            Telemetry.off());
    Vertx vertx = Vertx.vertx();
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    GrpcClient grpc = new GrpcClient(cfg.server().grpcPort());
    try {
      vertx.deployVerticle(new AdminVerticle(engine)).await();
      vertx
          .deployVerticle(
              () -> new DataPlaneVerticle(engine), new DeploymentOptions().setInstances(INSTANCES))
          .await();
      HttpRequest ready =
          HttpRequest.newBuilder(
                  URI.create("http://127.0.0.1:" + cfg.server().adminPort() + "/health/ready"))
              .build();
      long until = System.currentTimeMillis() + 30_000;
      while (http.send(ready, HttpResponse.BodyHandlers.ofString()).statusCode() != 200) {
        assertThat(System.currentTimeMillis()).as("ready within 30 s").isLessThan(until);
        Thread.sleep(2);
      }
      // what was warm when ready was: every instance's gRPC warm-up had run, every call OK
      List<String> warmed =
          log.list.stream()
              .map(ILoggingEvent::getFormattedMessage)
              .filter(m -> m.startsWith("grpc path warm: "))
              .toList();
      assertThat(warmed)
          .as("one gRPC warm-up per data-plane instance before ready")
          .hasSize(INSTANCES)
          .allSatisfy(
              m -> assertThat(m).startsWith("grpc path warm: " + WARM_CALLS + " calls (0 not OK)"));

      // the client's own first call costs (its channel, its codecs) are not the gateway's: a
      // health call opens the channel, and the messages are built and parsed once beforehand
      assertThat(grpc.health("")).isEqualTo(HealthCheckResponse.ServingStatus.SERVING);
      ScoreRequest first = request("first", 1000);
      clientCodecs();

      long t0 = System.nanoTime();
      ScoreResponse r =
          grpc.blocking().withDeadlineAfter(DEADLINE_MS, TimeUnit.MILLISECONDS).score(first);
      long ms = (System.nanoTime() - t0) / 1_000_000;
      String timing = grpc.lastTrailers.get() == null ? "" : serverTiming(grpc);
      assertThat(r.getResultsCount()).isEqualTo(1000);
      assertThat(r.getDegraded())
          .as("the first call after ready, %d ms, was degraded: %s", ms, timing)
          .isFalse();
      assertThat(r.getResultsList().stream().map(ScoreResult::getReason))
          .doesNotContain(Reason.REASON_DEGRADED);
    } finally {
      warmLog.detachAppender(log);
      grpc.close();
      vertx.close().await();
      redis.close();
    }
  }

  static String serverTiming(GrpcClient grpc) {
    String v =
        grpc.lastTrailers
            .get()
            .get(
                io.grpc.Metadata.Key.of("server-timing", io.grpc.Metadata.ASCII_STRING_MARSHALLER));
    return v == null ? "" : v;
  }

  static ScoreRequest request(String user, int n) {
    ScoreRequest.Builder b =
        ScoreRequest.newBuilder()
            .setUser(user)
            .setSurface("autoplay")
            .setMarket("SE")
            .setMaxPromoted(5);
    for (int i = 0; i < n; i++) {
      b.addCandidates("t" + (i * 7 % ReadyMeansWarmIT.TRACKS));
    }
    return b.build();
  }

  /** The client's side of a 1000-result answer, serialized and parsed until compiled. */
  static void clientCodecs() throws Exception {
    ScoreResponse.Builder b = ScoreResponse.newBuilder().setSnapshot("warm");
    for (int i = 0; i < 1000; i++) {
      b.addResults(
          ScoreResult.newBuilder()
              .setTrack("t" + i)
              .setReason(Reason.REASON_NOT_ENROLLED)
              .setScore(0.5));
    }
    byte[] bytes = b.build().toByteArray();
    long sink = 0;
    for (int i = 0; i < 200; i++) {
      sink += ScoreResponse.parseFrom(bytes).getResultsCount();
      sink += request("c", 1000).toByteArray().length;
    }
    assertThat(sink).isPositive();
  }
}
