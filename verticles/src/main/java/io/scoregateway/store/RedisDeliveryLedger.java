package io.scoregateway.store;

import io.scoregateway.model.Campaign;
import io.scoregateway.model.DeliveryEvent;
import io.scoregateway.model.FrequencyCap;
import io.scoregateway.pacing.EngagementWindow;
import io.scoregateway.redis.RedisCall;
import io.scoregateway.redis.RedisLink;
import io.vertx.core.Future;
import io.vertx.redis.client.Response;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Two pipelined stages: one delivery_campaign.lua call per distinct campaign (which decides, per
 * event, counted / retry / conflicting id, and adds the outcomes of the events it counted now to
 * the campaign's engagement window), then one delivery_user.lua call per distinct listener for the
 * events the campaign side accepted now or before (one batch per master in cluster mode). Both
 * scripts dedupe, so a call that failed part-way is safe to send again: the retry finds the
 * campaign side done and completes the listener side. With {@code replicas > 0} each batch ends
 * with {@code WAIT replicas waitMs}: the call fails (the caller answers 503) unless that many
 * replicas acknowledged the writes, so an acknowledged delivery survives a failover.
 */
final class RedisDeliveryLedger implements DeliveryLedger {
  private final RedisLink link;
  private final long dedupeTtlSeconds;
  private final int replicas;
  private final long waitMs;
  private final long slotMs;

  RedisDeliveryLedger(
      RedisLink link, long dedupeTtlSeconds, int replicas, long waitMs, long slotMs) {
    this.link = link;
    this.dedupeTtlSeconds = dedupeTtlSeconds;
    this.replicas = replicas;
    this.waitMs = waitMs;
    this.slotMs = slotMs;
  }

  @Override
  public Future<Recorded> record(List<DeliveryEvent> events, List<Campaign> campaigns, long nowMs) {
    Map<String, List<Integer>> byCampaign = new LinkedHashMap<>();
    for (int i = 0; i < events.size(); i++) {
      byCampaign.computeIfAbsent(events.get(i).campaign(), k -> new ArrayList<>()).add(i);
    }
    String ttl = Long.toString(dedupeTtlSeconds);
    String bucket = Long.toString(EngagementWindow.bucket(nowMs, slotMs));
    String buckets = Integer.toString(EngagementWindow.BUCKETS);
    List<RedisCall> calls = new ArrayList<>(byCampaign.size());
    for (Map.Entry<String, List<Integer>> e : byCampaign.entrySet()) {
      List<String> keys = new ArrayList<>(e.getValue().size() + 1);
      List<String> args = new ArrayList<>(2 * e.getValue().size() + 3);
      keys.add(Keys.pacing(e.getKey()));
      args.add(ttl);
      args.add(bucket);
      args.add(buckets);
      for (int i : e.getValue()) {
        DeliveryEvent ev = events.get(i);
        keys.add(Keys.campaignEvent(e.getKey(), ev.id()));
        args.add(ev.user() + " " + ev.track());
      }
      for (int i : e.getValue()) {
        args.add(events.get(i).outcome().code());
      }
      calls.add(RedisCall.eval(LuaScript.DELIVERY_CAMPAIGN, keys, args));
    }
    return link.batchDurable(calls, replicas, waitMs)
        .compose(
            replies -> {
              int[] outcomes = new int[events.size()];
              Map<String, Long> delivered = new HashMap<>();
              int r = 0;
              for (Map.Entry<String, List<Integer>> e : byCampaign.entrySet()) {
                Response reply = replies.get(r++);
                delivered.put(e.getKey(), reply.get(0).toLong());
                List<Integer> positions = e.getValue();
                for (int j = 0; j < positions.size(); j++) {
                  outcomes[positions.get(j)] = reply.get(j + 1).toInteger();
                }
              }
              return userSide(events, campaigns, outcomes, nowMs, ttl)
                  .map(v -> new Recorded(outcomes, delivered));
            });
  }

  /** The listener side of every event the campaign side did not refuse. */
  private Future<Void> userSide(
      List<DeliveryEvent> events,
      List<Campaign> campaigns,
      int[] outcomes,
      long nowMs,
      String ttl) {
    Map<String, List<Integer>> byUser = new LinkedHashMap<>();
    for (int i = 0; i < events.size(); i++) {
      if (outcomes[i] != CONFLICT) {
        byUser.computeIfAbsent(events.get(i).user(), k -> new ArrayList<>()).add(i);
      }
    }
    List<RedisCall> calls = new ArrayList<>(byUser.size());
    for (Map.Entry<String, List<Integer>> e : byUser.entrySet()) {
      List<String> keys = new ArrayList<>(e.getValue().size() * 2);
      List<String> args = new ArrayList<>(e.getValue().size() + 1);
      args.add(ttl);
      for (int i : e.getValue()) {
        DeliveryEvent ev = events.get(i);
        keys.add(Keys.userEvent(ev.user(), ev.campaign(), ev.id()));
      }
      for (int i : e.getValue()) {
        DeliveryEvent ev = events.get(i);
        FrequencyCap cap = campaigns.get(i).frequencyCap();
        long window = cap == null ? 0 : FrequencyStore.window(nowMs, cap.windowSeconds());
        keys.add(Keys.frequency(ev.user(), ev.campaign(), window));
        args.add(cap == null ? "0" : Long.toString(cap.windowSeconds()));
      }
      calls.add(RedisCall.eval(LuaScript.DELIVERY_USER, keys, args));
    }
    return calls.isEmpty()
        ? Future.succeededFuture()
        : link.batchDurable(calls, replicas, waitMs).mapEmpty();
  }
}
