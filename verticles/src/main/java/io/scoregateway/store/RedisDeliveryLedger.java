package io.scoregateway.store;

import io.scoregateway.model.Campaign;
import io.scoregateway.model.DeliveryEvent;
import io.scoregateway.model.FrequencyCap;
import io.vertx.core.Future;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One delivery_campaign.lua call per distinct campaign and one delivery_user.lua call per distinct
 * listener, all written in one pipelined batch (one per master in cluster mode). Both scripts dedupe
 * by event id, so a batch that failed part-way is safe to send again. With {@code replicas > 0} each
 * batch ends with {@code WAIT replicas waitMs}: the call fails (the caller answers 503) unless that
 * many replicas acknowledged the writes, so an acknowledged delivery survives a failover.
 */
final class RedisDeliveryLedger implements DeliveryLedger {
  private final RedisLink link;
  private final long dedupeTtlSeconds;
  private final int replicas;
  private final long waitMs;

  RedisDeliveryLedger(RedisLink link, long dedupeTtlSeconds, int replicas, long waitMs) {
    this.link = link;
    this.dedupeTtlSeconds = dedupeTtlSeconds;
    this.replicas = replicas;
    this.waitMs = waitMs;
  }

  @Override
  public Future<boolean[]> record(List<DeliveryEvent> events, List<Campaign> campaigns, long nowMs) {
    Map<String, List<Integer>> byCampaign = new LinkedHashMap<>();
    Map<String, List<Integer>> byUser = new LinkedHashMap<>();
    for (int i = 0; i < events.size(); i++) {
      byCampaign.computeIfAbsent(events.get(i).campaign(), k -> new ArrayList<>()).add(i);
      byUser.computeIfAbsent(events.get(i).user(), k -> new ArrayList<>()).add(i);
    }
    String ttl = Long.toString(dedupeTtlSeconds);
    List<Request> calls = new ArrayList<>(byCampaign.size() + byUser.size());
    for (Map.Entry<String, List<Integer>> e : byCampaign.entrySet()) {
      List<String> keys = new ArrayList<>(e.getValue().size() + 1);
      keys.add(Keys.pacing(e.getKey()));
      for (int i : e.getValue()) {
        keys.add(Keys.campaignEvent(e.getKey(), events.get(i).id()));
      }
      calls.add(RedisLink.evalRequest(LuaScript.DELIVERY_CAMPAIGN, keys, List.of(ttl)));
    }
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
      calls.add(RedisLink.evalRequest(LuaScript.DELIVERY_USER, keys, args));
    }
    return link.batchDurable(calls, replicas, waitMs).map(replies -> merge(events.size(), byCampaign, byUser, replies));
  }

  private static boolean[] merge(
      int n, Map<String, List<Integer>> byCampaign, Map<String, List<Integer>> byUser, List<Response> replies) {
    boolean[] fresh = new boolean[n];
    int r = 0;
    for (List<Integer> positions : byCampaign.values()) {
      Response reply = replies.get(r++);
      for (int j = 0; j < positions.size(); j++) {
        fresh[positions.get(j)] |= reply.get(j + 1).toInteger() == 1;
      }
    }
    for (List<Integer> positions : byUser.values()) {
      Response reply = replies.get(r++);
      for (int j = 0; j < positions.size(); j++) {
        fresh[positions.get(j)] |= reply.get(j).toInteger() == 1;
      }
    }
    return fresh;
  }
}
