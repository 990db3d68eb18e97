package io.scoregateway.http;

import io.scoregateway.codec.Ids;
import io.scoregateway.model.Campaign;
import io.scoregateway.pacing.CampaignState;
import io.scoregateway.pacing.PacingPlan;
import io.scoregateway.pacing.PacingRecord;
import io.scoregateway.pacing.PacingSlot;
import io.scoregateway.store.CampaignStore;
import io.scoregateway.store.PacingStore;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * {@code GET /admin/v1/campaigns/{id}/history}: the campaign's pacing history, one entry per slot
 * as the controller step wrote it, and its current plan over the whole flight. Read only.
 */
public final class HistoryRoutes {
  /** Points of the plan curve over the flight. */
  static final int PLAN_POINTS = 96;

  private final CampaignStore campaigns;
  private final PacingStore pacing;
  private final Clock clock;

  public HistoryRoutes(CampaignStore campaigns, PacingStore pacing, Clock clock) {
    this.campaigns = campaigns;
    this.pacing = pacing;
    this.clock = clock;
  }

  public void history(RoutingContext ctx) {
    String id = Ids.require("id", ctx.pathParam("id"), "campaign id");
    campaigns
        .get(id)
        .compose(
            c ->
                c == null
                    ? Future.failedFuture(
                        new Problem(ProblemType.NOT_FOUND, "campaign " + id + " does not exist"))
                    : Future.all(pacing.read(List.of(id)), pacing.history(id))
                        .map(
                            all -> {
                              PacingRecord[] now = all.resultAt(0);
                              List<PacingSlot> slots = all.resultAt(1);
                              return body(c, now[0], slots, clock.millis());
                            }))
        .onSuccess(body -> AdminRoutes.json(ctx, 200, body))
        .onFailure(ctx::fail);
  }

  private JsonObject body(Campaign c, PacingRecord s, List<PacingSlot> slots, long nowMs) {
    PacingPlan.Shape shape = PacingPlan.Shape.of(c);
    double planned = PacingPlan.planned(shape, c.budget(), s.base, s.baseMs, s.frozen, nowMs);
    JsonArray history = new JsonArray();
    for (PacingSlot e : slots) {
      history.add(
          new JsonObject()
              .put("at", Instant.ofEpochMilli(e.atMs()).toString())
              .put("delivered", e.delivered())
              .put("promoted", e.promoted())
              .put("planned", round(e.planned()))
              .put("pass_rate", e.passRate())
              .put("demand", Double.isNaN(e.demand()) ? null : round(e.demand()))
              .put("allow", e.allow()));
    }
    // the plan the controller follows now (after any re-plan), sampled over the whole flight
    JsonArray plan = new JsonArray();
    long start = shape.startMs();
    long span = shape.endMs() - start;
    for (int i = 0; i <= PLAN_POINTS; i++) {
      long t = start + span * i / PLAN_POINTS;
      plan.add(
          new JsonObject()
              .put("at", Instant.ofEpochMilli(t).toString())
              .put(
                  "planned",
                  round(PacingPlan.planned(shape, c.budget(), s.base, s.baseMs, s.frozen, t))));
    }
    return new JsonObject()
        .put("id", c.id())
        .put("budget", c.budget())
        .put("pacing", c.pacing().wire())
        .put("start", c.start().toString())
        .put("end", c.end().toString())
        .put("slot_ms", pacing.slotMs())
        .put("now", Instant.ofEpochMilli(nowMs).toString())
        .put("delivered", s.delivered)
        .put("promoted", s.promoted)
        .put("planned", round(planned))
        .put("pass_rate", Double.isNaN(s.passRate) ? 0 : s.passRate)
        .put("state", CampaignState.of(c, s.delivered, planned, nowMs).wire())
        .put("slots", history)
        .put("plan", plan);
  }

  private static double round(double v) {
    return Math.round(v * 1000) / 1000.0;
  }
}
