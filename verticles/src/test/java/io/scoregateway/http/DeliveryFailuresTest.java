package io.scoregateway.http;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.scoregateway.catalog.CampaignIndex;
import io.scoregateway.catalog.LiveCatalog;
import io.scoregateway.model.Campaign;
import io.scoregateway.model.CampaignStatus;
import io.scoregateway.model.PacingMode;
import io.scoregateway.pacing.ManualClock;
import io.scoregateway.pacing.PacingView;
import io.scoregateway.pipeline.DeliveryRecorder;
import io.scoregateway.redis.BreakerOpen;
import io.scoregateway.store.DeliveryLedger;
import io.scoregateway.telemetry.DecisionMetrics;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;

/**
 * A delivery Redis could not confirm is answered 503 "retrying is safe"; one that failed for any
 * other reason is a bug: 500, logged with a request id the caller is given instead of a stack
 * trace, and counted.
 */
@ExtendWith(VertxExtension.class)
class DeliveryFailuresTest {
  static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");
  static final JsonObject EVENT =
      new JsonObject()
          .put("id", "e-1")
          .put("user", "u-1")
          .put("track", "t1")
          .put("campaign", "c1")
          .put("surface", "autoplay")
          .put("ts", NOW.toString());

  final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  final ListAppender<ILoggingEvent> log = new ListAppender<>();
  final Logger failureLog = (Logger) LoggerFactory.getLogger(FailureHandler.class);

  @BeforeEach
  void captureLog() {
    log.start();
    failureLog.addAppender(log);
  }

  @AfterEach
  void releaseLog() {
    failureLog.detachAppender(log);
  }

  /** A data port whose delivery ledger fails every call with {@code failure}. */
  Future<HttpServer> serve(Vertx vertx, Throwable failure) {
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
    DeliveryRoutes routes = new DeliveryRoutes(recorder, 1_000, new DecisionMetrics(registry));
    RouteTable router = Routers.create(vertx, registry);
    router
        .post("/v1/deliveries")
        .handler(Routers.body(1 << 20, 5_000))
        .handler(Routers.guarded(routes::handle));
    return vertx.createHttpServer().requestHandler(router.router()).listen(0, "127.0.0.1");
  }

  static Future<io.vertx.ext.web.client.HttpResponse<io.vertx.core.buffer.Buffer>> deliver(
      Vertx vertx, HttpServer server) {
    return WebClient.create(vertx)
        .post(server.actualPort(), "127.0.0.1", "/v1/deliveries")
        .sendJsonObject(new JsonObject().put("events", new JsonArray().add(EVENT)));
  }

  double failures(String type) {
    return registry.get("gateway.failures").tag("type", type).counter().count();
  }

  @Test
  void aBugIsA500WithARequestIdLoggedAndCounted(Vertx vertx, VertxTestContext test) {
    serve(vertx, new IllegalStateException("ledger invariant broken"))
        .compose(server -> deliver(vertx, server))
        .onComplete(
            test.succeeding(
                r ->
                    test.verify(
                        () -> {
                          assertThat(r.statusCode()).isEqualTo(500);
                          assertThat(r.getHeader("content-type"))
                              .isEqualTo("application/problem+json");
                          assertThat(r.getHeader("retry-after")).isNull();
                          JsonObject problem = r.bodyAsJsonObject();
                          assertThat(problem.getString("type"))
                              .isEqualTo("https://score-gateway.dev/problems/internal");
                          String detail = problem.getString("detail");
                          assertThat(detail).startsWith("unexpected error; request id ");
                          assertThat(r.bodyAsString())
                              .doesNotContain("IllegalStateException")
                              .doesNotContain("ledger invariant")
                              .doesNotContain("at io.scoregateway");
                          String id = detail.substring(detail.lastIndexOf(' ') + 1);
                          assertThat(id).matches("[0-9a-f]{16,32}");
                          assertThat(log.list)
                              .singleElement()
                              .satisfies(
                                  e -> {
                                    assertThat(e.getFormattedMessage())
                                        .contains("POST /v1/deliveries")
                                        .contains(id);
                                    assertThat(e.getThrowableProxy().getMessage())
                                        .isEqualTo("ledger invariant broken");
                                  });
                          assertThat(failures("internal")).isEqualTo(1);
                          test.completeNow();
                        })));
  }

  @Test
  void redisThatCannotConfirmIsA503SafeToRetry(Vertx vertx, VertxTestContext test) {
    serve(vertx, new BreakerOpen())
        .compose(server -> deliver(vertx, server))
        .onComplete(
            test.succeeding(
                r ->
                    test.verify(
                        () -> {
                          assertThat(r.statusCode()).isEqualTo(503);
                          assertThat(r.getHeader("retry-after")).isEqualTo("1");
                          assertThat(r.bodyAsJsonObject().getString("detail"))
                              .contains("retrying is safe");
                          assertThat(log.list).isEmpty();
                          assertThat(failures("internal")).isZero();
                          test.completeNow();
                        })));
  }
}
