package io.scoregateway.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.google.protobuf.Timestamp;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.opentelemetry.api.OpenTelemetry;
import io.scoregateway.catalog.CampaignIndex;
import io.scoregateway.catalog.LiveCatalog;
import io.scoregateway.grpc.v1.DeliveriesRequest;
import io.scoregateway.grpc.v1.DeliveryEvent;
import io.scoregateway.grpc.v1.ScoreServiceGrpc;
import io.scoregateway.http.ClientConcurrency;
import io.scoregateway.http.ClientRateLimiter;
import io.scoregateway.http.FailureCounts;
import io.scoregateway.http.LoadShedder;
import io.scoregateway.model.Campaign;
import io.scoregateway.model.CampaignStatus;
import io.scoregateway.model.PacingMode;
import io.scoregateway.pacing.ManualClock;
import io.scoregateway.pacing.PacingView;
import io.scoregateway.pipeline.CatalogNotLoaded;
import io.scoregateway.pipeline.DeliveryRecorder;
import io.scoregateway.pipeline.ExchangeObserver;
import io.scoregateway.redis.BreakerOpen;
import io.scoregateway.store.DeliveryLedger;
import io.scoregateway.telemetry.DecisionMetrics;
import io.scoregateway.telemetry.GrpcObserver;
import io.scoregateway.telemetry.Telemetry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.grpc.common.GrpcStatus;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * A gRPC call that fails for a reason nothing expects is a bug, classified by the HTTP routes'
 * classifier: INTERNAL with a request id (no stack trace to the caller), logged under that id, and
 * counted in {@code gateway.failures{type=internal}} as an HTTP 500 is; Redis that cannot confirm
 * is UNAVAILABLE and no bug.
 */
class GrpcFailureCountsTest {
  static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");

  final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  final ListAppender<ILoggingEvent> log = new ListAppender<>();
  final Logger failureLog = (Logger) LoggerFactory.getLogger(GrpcFailures.class);
  Vertx vertx;
  ManagedChannel channel;

  @BeforeEach
  void setUp() {
    log.start();
    failureLog.addAppender(log);
    vertx = Vertx.vertx();
  }

  @AfterEach
  void tearDown() throws Exception {
    failureLog.detachAppender(log);
    if (channel != null) {
      channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }
    vertx.close().await();
  }

  /** A gRPC data plane whose delivery ledger fails every call with {@code failure}. */
  ScoreServiceGrpc.ScoreServiceBlockingStub serve(Throwable failure) {
    LiveCatalog catalog = new LiveCatalog();
    Campaign c =
        new Campaign(
            "c1",
            List.of("t1"),
            null,
            null,
            NOW.minusSeconds(3_600),
            NOW.plusSeconds(3_600),
            100,
            PacingMode.ASAP,
            null,
            1.0,
            CampaignStatus.ACTIVE);
    catalog.replace(new LiveCatalog.View(CampaignIndex.of(List.of(c)), 1, "s", true));
    DeliveryLedger failing = (events, campaigns, nowMs) -> Future.failedFuture(failure);
    DeliveryRecorder recorder =
        new DeliveryRecorder(catalog, failing, new PacingView(), new ManualClock(NOW), 0);
    Telemetry telemetry =
        new Telemetry(OpenTelemetry.noop().getTracer("test"), registry, () -> "", 0);
    GrpcDataPlane.Parts parts =
        new GrpcDataPlane.Parts(
            vertx,
            null,
            recorder,
            new GrpcGate(
                new LoadShedder(100, registry),
                null,
                new ClientConcurrency(100),
                new ClientRateLimiter(1)),
            new GrpcObserver(telemetry),
            ExchangeObserver.NONE,
            new DecisionMetrics(registry),
            new GrpcDataPlane.Settings(1000, 50, 5_000, 1_000, 1 << 20),
            () -> true,
            new FailureCounts(registry));
    HttpServer server =
        vertx
            .createHttpServer(
                GrpcDataPlane.http2(new HttpServerOptions().setHost("127.0.0.1").setPort(0)))
            .requestHandler(GrpcDataPlane.server(parts))
            .listen()
            .await();
    channel =
        NettyChannelBuilder.forAddress("127.0.0.1", server.actualPort()).usePlaintext().build();
    return ScoreServiceGrpc.newBlockingStub(channel).withDeadlineAfter(20, TimeUnit.SECONDS);
  }

  static DeliveriesRequest deliveries() {
    return DeliveriesRequest.newBuilder()
        .addEvents(
            DeliveryEvent.newBuilder()
                .setId("e-1")
                .setUser("u-1")
                .setTrack("t1")
                .setCampaign("c1")
                .setSurface("autoplay")
                .setTs(Timestamp.newBuilder().setSeconds(NOW.getEpochSecond())))
        .build();
  }

  double failures(String type) {
    var counter = registry.find("gateway.failures").tag("type", type).counter();
    return counter == null ? 0 : counter.count();
  }

  @Test
  void aBugIsInternalWithARequestIdLoggedAndCounted() {
    StatusRuntimeException e =
        catchThrowableOfType(
            StatusRuntimeException.class,
            () ->
                serve(new IllegalStateException("ledger invariant broken"))
                    .deliveries(deliveries()));
    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INTERNAL);
    String message = e.getStatus().getDescription();
    assertThat(message)
        .startsWith("unexpected error; request id ")
        .doesNotContain("IllegalStateException")
        .doesNotContain("ledger invariant");
    String id = message.substring(message.lastIndexOf(' ') + 1);
    assertThat(id).matches("[0-9a-f]{16}");
    assertThat(log.list)
        .singleElement()
        .satisfies(
            ev -> {
              assertThat(ev.getFormattedMessage())
                  .contains("scoregateway.v1.ScoreService/Deliveries")
                  .contains(id);
              assertThat(ev.getThrowableProxy().getMessage()).isEqualTo("ledger invariant broken");
            });
    assertThat(failures("internal")).isEqualTo(1);
  }

  @Test
  void redisThatCannotConfirmIsUnavailableAndNoBug() {
    StatusRuntimeException e =
        catchThrowableOfType(
            StatusRuntimeException.class, () -> serve(new BreakerOpen()).deliveries(deliveries()));
    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.UNAVAILABLE);
    assertThat(e.getStatus().getDescription()).contains("retrying is safe");
    assertThat(log.list).isEmpty();
    assertThat(failures("internal")).isZero();
  }

  @Test
  void everyClassifiedFailureIsCountedByItsProblemType() {
    FailureCounts counts = new FailureCounts(registry);
    assertThat(failures("internal")).as("registered before the first bug").isZero();
    assertThat(GrpcFailures.of(new IllegalArgumentException("bug"), "m", counts).status())
        .isEqualTo(GrpcStatus.INTERNAL);
    assertThat(GrpcFailures.of(new CatalogNotLoaded(), "m", counts))
        .satisfies(
            f -> {
              assertThat(f.status()).isEqualTo(GrpcStatus.UNAVAILABLE);
              assertThat(f.message()).startsWith("catalog: ").endsWith("; retry later");
            });
    assertThat(GrpcFailures.of(new BreakerOpen(), "m", counts).status())
        .isEqualTo(GrpcStatus.UNAVAILABLE);
    assertThat(failures("internal")).isEqualTo(1);
    assertThat(failures("unavailable")).isEqualTo(2);
  }
}
