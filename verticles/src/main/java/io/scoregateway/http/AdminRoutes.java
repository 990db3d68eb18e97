package io.scoregateway.http;

import io.scoregateway.catalog.CatalogRefresher;
import io.scoregateway.catalog.LiveCatalog;
import io.scoregateway.codec.CampaignCodec;
import io.scoregateway.codec.Ids;
import io.scoregateway.model.Campaign;
import io.scoregateway.model.PacingState;
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
  private final LiveCatalog catalog;
  private final CatalogRefresher refresher;
  private final Clock clock;

  public AdminRoutes(Stores stores, LiveCatalog catalog, CatalogRefresher refresher, Clock clock) {
    this.stores = stores;
    this.catalog = catalog;
    this.refresher = refresher;
    this.clock = clock;
  }

  public void putCampaign(RoutingContext ctx) {
    ContentTypes.requireJson(ctx);
    String id = Ids.require("id", ctx.pathParam("id"), "campaign id");
    JsonObject body = JsonBodies.object(ctx);
    if (body.containsKey("id") && !id.equals(body.getValue("id"))) {
      throw new Problem(ProblemType.INVALID_REQUEST, "id: does not match the path");
    }
    Campaign c = CampaignCodec.parse(id, body);
    stores.campaigns().put(c, clock.millis())
        .compose(v -> refresher.refresh())
        .compose(v -> withState(List.of(c)))
        .onSuccess(list -> json(ctx, 200, list.getJsonObject(0)))
        .onFailure(err -> Problem.fail(ctx, err));
  }

  public void getCampaign(RoutingContext ctx) {
    String id = Ids.require("id", ctx.pathParam("id"), "campaign id");
    stores.campaigns().get(id)
        .compose(c -> c == null ? Future.failedFuture(notFound("campaign " + id)) : withState(List.of(c)))
        .onSuccess(list -> json(ctx, 200, list.getJsonObject(0)))
        .onFailure(err -> Problem.fail(ctx, err));
  }

  public void listCampaigns(RoutingContext ctx) {
    stores.campaigns().list()
        .compose(this::withState)
        .onSuccess(list -> json(ctx, 200, new JsonObject().put("campaigns", list)))
        .onFailure(err -> Problem.fail(ctx, err));
  }

  public void deleteCampaign(RoutingContext ctx) {
    String id = Ids.require("id", ctx.pathParam("id"), "campaign id");
    stores.campaigns().delete(id)
        .compose(found -> found ? refresher.refresh() : Future.failedFuture(notFound("campaign " + id)))
        .onSuccess(v -> ctx.response().setStatusCode(204).end())
        .onFailure(err -> Problem.fail(ctx, err));
  }

  private Future<JsonArray> withState(List<Campaign> campaigns) {
    long now = clock.millis();
    return stores.pacing().states(campaigns, now).map(states -> {
      JsonArray out = new JsonArray();
      for (int i = 0; i < campaigns.size(); i++) {
        Campaign c = campaigns.get(i);
        PacingState s = states[i];
        out.add(CampaignCodec.toJson(c)
            .put("delivered", s.delivered())
            .put("planned", Math.round(s.planned() * 1000) / 1000.0)
            .put("pass_rate", s.passRate())
            .put("state", CampaignState.of(c, s, now).wire()));
      }
      return out;
    });
  }

  private static Problem notFound(String what) {
    return new Problem(ProblemType.NOT_FOUND, what + " does not exist");
  }

  static void json(RoutingContext ctx, int status, JsonObject body) {
    ctx.response().setStatusCode(status).putHeader("content-type", "application/json").end(body.toBuffer());
  }
}
