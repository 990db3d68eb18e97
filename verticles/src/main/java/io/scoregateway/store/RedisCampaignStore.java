package io.scoregateway.store;

import io.scoregateway.codec.CampaignCodec;
import io.scoregateway.model.Campaign;
import io.scoregateway.redis.RedisCall;
import io.scoregateway.redis.RedisLink;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.redis.client.Command;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Configs in one {@code {cfg}} hash; writes through campaign_put.lua / campaign_delete.lua. */
final class RedisCampaignStore implements CampaignStore {
  private static final Logger LOG = LoggerFactory.getLogger(RedisCampaignStore.class);
  private static final List<String> CFG_KEYS =
      List.of(Keys.CAMPAIGNS, Keys.ENROLLMENT, Keys.CAMPAIGN_ENDS, Keys.CAMPAIGNS_VERSION);

  private final RedisLink link;

  RedisCampaignStore(RedisLink link) {
    this.link = link;
  }

  @Override
  public Future<Long> put(Campaign c, long nowMs) {
    List<String> args = new ArrayList<>(c.tracks().size() + 4);
    args.add(c.id());
    args.add(CampaignCodec.toJson(c).encode());
    args.add(Long.toString(nowMs));
    args.add(Long.toString(c.end().toEpochMilli()));
    args.addAll(c.tracks());
    return link.eval(LuaScript.CAMPAIGN_PUT, CFG_KEYS, args)
        .compose(
            r -> {
              if (r.get(0).toInteger() == 0) {
                return Future.failedFuture(
                    new TrackConflict(r.get(1).toString(), r.get(2).toString()));
              }
              return publish("campaigns").map(r.get(1).toLong());
            });
  }

  @Override
  public Future<Campaign> get(String id) {
    return link.send(RedisCall.on(Command.HGET, Keys.CAMPAIGNS).arg(id))
        .map(r -> r == null ? null : CampaignCodec.parse(id, new JsonObject(r.toString())));
  }

  @Override
  public Future<List<Campaign>> list() {
    return link.send(RedisCall.on(Command.HGETALL, Keys.CAMPAIGNS))
        .map(
            r -> {
              List<Campaign> out = new ArrayList<>();
              for (String id : r.getKeys()) {
                try {
                  out.add(CampaignCodec.parse(id, new JsonObject(r.get(id).toString())));
                } catch (RuntimeException e) {
                  // one corrupt entry must not hide every other campaign
                  LOG.error("skipping unreadable campaign {}: {}", id, e.getMessage());
                }
              }
              return out;
            });
  }

  @Override
  public Future<Boolean> delete(String id) {
    return link.eval(LuaScript.CAMPAIGN_DELETE, CFG_KEYS, List.of(id))
        .compose(
            r -> {
              if (r.toInteger() == 0) {
                return Future.succeededFuture(false);
              }
              // pacing state and history live under the campaign's own tag: a re-created
              // campaign starts afresh
              return link.send(RedisCall.on(Command.DEL, Keys.pacing(id)).arg(Keys.history(id)))
                  .compose(v -> publish("campaigns"))
                  .map(true);
            });
  }

  @Override
  public Future<Long> version() {
    return link.send(RedisCall.on(Command.GET, Keys.CAMPAIGNS_VERSION))
        .map(r -> r == null ? 0L : r.toLong());
  }

  private Future<Void> publish(String what) {
    return link.send(RedisCall.keyless(Command.PUBLISH).arg(Keys.CHANGES_CHANNEL).arg(what))
        .mapEmpty();
  }
}
