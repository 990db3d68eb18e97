package io.scoregateway.http;

import io.scoregateway.model.DeliveryEvent;
import io.scoregateway.pipeline.DeliveryRecorder;
import io.scoregateway.telemetry.DecisionMetrics;
import io.scoregateway.telemetry.RequestObserver;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code POST /v1/deliveries}: a 2xx means every accepted event is counted; when Redis cannot
 * confirm in time the answer is 503 with Retry-After, and a retry counts nothing twice. Any other
 * failure is a bug, answered 500: telling the caller to retry it would only repeat it.
 */
public final class DeliveryRoutes {
  private final DeliveryRecorder recorder;
  private final long timeoutMs;
  private final DecisionMetrics metrics;

  public DeliveryRoutes(DeliveryRecorder recorder, long timeoutMs, DecisionMetrics metrics) {
    this.recorder = recorder;
    this.timeoutMs = timeoutMs;
    this.metrics = metrics;
  }

  public void handle(RoutingContext ctx) {
    ContentTypes.requireJson(ctx);
    List<DeliveryRequestParser.Parsed> parsed = DeliveryRequestParser.parse(JsonBodies.object(ctx));
    List<DeliveryEvent> events = new ArrayList<>(parsed.size());
    List<String> errors = new ArrayList<>(parsed.size());
    for (DeliveryRequestParser.Parsed p : parsed) {
      events.add(p.event());
      errors.add(p.error());
    }
    ctx.put(RequestObserver.BATCH, events.size());
    recorder
        .record(events, errors)
        .timeout(timeoutMs, TimeUnit.MILLISECONDS)
        .onSuccess(
            o -> {
              metrics.delivered(events.size(), o);
              JsonArray rejected = new JsonArray();
              for (DeliveryRecorder.Rejection r : o.rejected()) {
                rejected.add(new JsonObject().put("index", r.index()).put("error", r.error()));
              }
              AdminRoutes.json(
                  ctx,
                  200,
                  new JsonObject()
                      .put("accepted", o.accepted())
                      .put("duplicates", o.duplicates())
                      .put("rejected", rejected));
            })
        .onFailure(
            err -> {
              if (Failures.classify(err).type() != ProblemType.UNAVAILABLE) {
                ctx.fail(err);
                return;
              }
              ctx.put(RequestObserver.OUTCOME, "unconfirmed");
              ctx.response().putHeader("retry-after", "1");
              Problem.send(
                  ctx,
                  ProblemType.UNAVAILABLE,
                  "redis: deliveries not confirmed (" + err.getMessage() + "); retrying is safe");
            });
  }
}
