package io.scoregateway.http;

import io.scoregateway.allocate.AllocationRules;
import io.scoregateway.catalog.CatalogRefresher;
import io.scoregateway.codec.CampaignCodec;
import io.scoregateway.codec.Ids;
import io.scoregateway.model.Campaign;
import io.scoregateway.pacing.CampaignState;
import io.scoregateway.pacing.EngagementWindow;
import io.scoregateway.pacing.PacingPlan;
import io.scoregateway.pacing.PacingRecord;
import io.scoregateway.store.Stores;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.util.List;

/** The admin API's campaigns, with their live state. */
public final class AdminRoutes {
  private final Stores stores;
  private final CatalogRefresher refresher;
  private final Clock clock;
  private final AllocationRules allocation;

  /**
   * @param allocation the surfaces' guardrails, to say where a campaign's engagement holds it back
   */
  public AdminRoutes(
      Stores stores, CatalogRefresher refresher, Clock clock, AllocationRules allocation) {
    this.stores = stores;
    this.refresher = refresher;
    this.clock = clock;
    this.allocation = allocation;
  }

  public void putCampaign(RoutingContext ctx) {
    ContentTypes.requireJson(ctx);
    String id = Ids.require("id", ctx.pathParam("id"), "campaign id");
    JsonObject body = JsonBodies.object(ctx);
    if (body.containsKey("id") && !id.equals(body.getValue("id"))) {
      throw new Problem(ProblemType.INVALID_REQUEST, "id: does not match the path");
    }
    Campaign c = CampaignCodec.parse(id, body);
    stores
        .campaigns()
        .put(c, clock.millis())
        .compose(v -> refresher.refresh())
        .compose(v -> withState(List.of(c)))
        .onSuccess(list -> json(ctx, 200, list.getJsonObject(0)))
        .onFailure(ctx::fail);
  }

  public void getCampaign(RoutingContext ctx) {
    String id = Ids.require("id", ctx.pathParam("id"), "campaign id");
    stores
        .campaigns()
        .get(id)
        .compose(
            c ->
                c == null ? Future.failedFuture(notFound("campaign " + id)) : withState(List.of(c)))
        .onSuccess(list -> json(ctx, 200, list.getJsonObject(0)))
        .onFailure(ctx::fail);
  }

  public void listCampaigns(RoutingContext ctx) {
    stores
        .campaigns()
        .list()
        .compose(this::withState)
        .onSuccess(list -> json(ctx, 200, new JsonObject().put("campaigns", list)))
        .onFailure(ctx::fail);
  }

  public void deleteCampaign(RoutingContext ctx) {
    String id = Ids.require("id", ctx.pathParam("id"), "campaign id");
    stores
        .campaigns()
        .delete(id)
        .compose(
            found -> found ? refresher.refresh() : Future.failedFuture(notFound("campaign " + id)))
        .onSuccess(v -> ctx.response().setStatusCode(204).end())
        .onFailure(ctx::fail);
  }

  /** Each campaign with its live pacing numbers, as stored: reading never steps the controller. */
  private Future<JsonArray> withState(List<Campaign> campaigns) {
    long now = clock.millis();
    List<String> ids = campaigns.stream().map(Campaign::id).toList();
    return stores
        .pacing()
        .read(ids)
        .map(
            records -> {
              JsonArray out = new JsonArray();
              for (int i = 0; i < campaigns.size(); i++) {
                Campaign c = campaigns.get(i);
                PacingRecord s = records[i];
                double planned =
                    PacingPlan.planned(
                        PacingPlan.Shape.of(c), c.budget(), s.base, s.baseMs, s.frozen, now);
                out.add(
                    CampaignCodec.toJson(c)
                        .put("delivered", s.delivered)
                        .put("promoted", s.promoted)
                        .put("planned", Math.round(planned * 1000) / 1000.0)
                        .put("pass_rate", Double.isNaN(s.passRate) ? 0 : s.passRate)
                        .put("state", CampaignState.of(c, s.delivered, planned, now).wire())
                        .put("engagement", engagement(s, now)));
              }
              return out;
            });
  }

  /** The rolling window's rated plays and skips, and the surfaces on which they hold it back. */
  private JsonObject engagement(PacingRecord s, long now) {
    long slotMs = stores.pacing().slotMs();
    EngagementWindow.Counts e =
        EngagementWindow.sum(s.engagement, EngagementWindow.bucket(now, slotMs));
    JsonArray heldOn = new JsonArray();
    allocation
        .named()
        .forEach(
            (surface, rules) -> {
              if (rules.held(e.plays(), e.skips())) {
                heldOn.add(surface);
              }
            });
    return new JsonObject()
        .put("plays", e.plays())
        .put("skips", e.skips())
        .put("skip_rate", Math.round(e.skipRate() * 10_000) / 10_000.0)
        .put("window_seconds", EngagementWindow.windowMs(slotMs) / 1000)
        .put("held_on", heldOn);
  }

  private static Problem notFound(String what) {
    return new Problem(ProblemType.NOT_FOUND, what + " does not exist");
  }

  static void json(RoutingContext ctx, int status, JsonObject body) {
    ctx.response()
        .setStatusCode(status)
        .putHeader("content-type", "application/json")
        .end(body.toBuffer());
  }
}
