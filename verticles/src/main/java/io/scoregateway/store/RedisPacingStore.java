package io.scoregateway.store;

import io.scoregateway.model.Campaign;
import io.scoregateway.pacing.CampaignPacer.PacingReport;
import io.scoregateway.pacing.EngagementWindow;
import io.scoregateway.pacing.PacingController;
import io.scoregateway.pacing.PacingHistory;
import io.scoregateway.pacing.PacingRecord;
import io.scoregateway.pacing.PacingRevision;
import io.scoregateway.pacing.PacingSlot;
import io.scoregateway.redis.RedisCall;
import io.scoregateway.redis.RedisLink;
import io.vertx.core.Future;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Response;
import java.util.ArrayList;
import java.util.List;

/**
 * pacing_refresh.lua per campaign in one pipelined batch (it appends the slot's history entry
 * itself); reads are plain HMGETs and an LRANGE.
 */
final class RedisPacingStore implements PacingStore {
  /** The hash fields a read returns, in {@link #decodeRecord} order. */
  private static final String[] FIELDS = {
    "delivered",
    "promoted",
    "attempts",
    "p",
    "slot",
    "allow",
    "granted",
    "demand",
    "base",
    "base_t",
    "frozen",
    "status",
    "eng",
    "rev"
  };

  private static final String HISTORY_SLOTS = Integer.toString(PacingHistory.MAX_SLOTS);
  private static final String HISTORY_AGE_MS = Long.toString(PacingHistory.MAX_AGE_MS);

  private final RedisLink link;
  private final long slotMs;
  private final int settleSteps;

  RedisPacingStore(RedisLink link, long slotMs, long settleMs) {
    this.link = link;
    this.slotMs = slotMs;
    this.settleSteps = PacingController.settleSteps(settleMs, slotMs);
  }

  @Override
  public long slotMs() {
    return slotMs;
  }

  @Override
  public Future<PacingController.Lease[]> refresh(
      List<Campaign> campaigns, List<PacingReport> reports, long nowMs) {
    List<RedisCall> calls = new ArrayList<>(reports.size());
    String now = Long.toString(nowMs);
    String slot = Long.toString(slotMs);
    String settle = Integer.toString(settleSteps);
    String engBucket = Long.toString(EngagementWindow.bucket(nowMs, slotMs));
    String engBuckets = Integer.toString(EngagementWindow.BUCKETS);
    for (int i = 0; i < reports.size(); i++) {
      Campaign c = campaigns.get(i);
      PacingReport r = reports.get(i);
      List<String> args = new ArrayList<>(41);
      args.add(now);
      args.add(slot);
      args.add(Long.toString(c.budget()));
      args.add(c.pacing().wire());
      args.add(Long.toString(c.start().toEpochMilli()));
      args.add(Long.toString(c.end().toEpochMilli()));
      args.add(c.status().wire());
      args.add(PacingRevision.of(c));
      args.add(settle);
      args.add(Long.toString(r.attempts()));
      args.add(Long.toString(r.promoted()));
      args.add(Double.toString(r.ratePerSec()));
      args.add(Long.toString(r.returned()));
      args.add(HISTORY_SLOTS);
      args.add(HISTORY_AGE_MS);
      if (c.trafficProfile() != null) {
        for (double w : c.trafficProfile()) {
          args.add(Double.toString(w));
        }
      }
      // always the last two: the script finds them from the end, with or without a profile
      args.add(engBucket);
      args.add(engBuckets);
      calls.add(
          RedisCall.eval(
              LuaScript.PACING_REFRESH, List.of(Keys.pacing(c.id()), Keys.history(c.id())), args));
    }
    return link.batch(calls).map(RedisPacingStore::decodeLeases);
  }

  private static PacingController.Lease[] decodeLeases(List<Response> replies) {
    PacingController.Lease[] out = new PacingController.Lease[replies.size()];
    for (int i = 0; i < out.length; i++) {
      Response r = replies.get(i);
      out[i] =
          new PacingController.Lease(
              Double.parseDouble(r.get(0).toString()),
              r.get(1).toLong(),
              r.get(2).toLong(),
              r.get(3).toInteger() == 1,
              r.get(4).toLong(),
              Double.parseDouble(r.get(5).toString()),
              Double.parseDouble(r.get(6).toString()),
              r.get(7).toInteger() == 1,
              r.get(8).toLong(),
              r.get(9).toLong());
    }
    return out;
  }

  @Override
  public Future<PacingRecord[]> read(List<String> campaigns) {
    List<RedisCall> reads = new ArrayList<>(campaigns.size());
    for (String id : campaigns) {
      RedisCall req = RedisCall.on(Command.HMGET, Keys.pacing(id));
      for (String f : FIELDS) {
        req.arg(f);
      }
      reads.add(req);
    }
    return link.batch(reads)
        .map(
            replies -> {
              PacingRecord[] out = new PacingRecord[replies.size()];
              for (int i = 0; i < out.length; i++) {
                out[i] = decodeRecord(replies.get(i));
              }
              return out;
            });
  }

  @Override
  public Future<List<PacingSlot>> history(String campaign) {
    return link.send(RedisCall.on(Command.LRANGE, Keys.history(campaign)).arg(0).arg(-1))
        .map(
            reply -> {
              List<String> entries = new ArrayList<>(reply == null ? 0 : reply.size());
              if (reply != null) {
                for (Response e : reply) {
                  entries.add(e.toString());
                }
              }
              return PacingHistory.decodeAll(entries);
            });
  }

  private static PacingRecord decodeRecord(Response v) {
    PacingRecord r = new PacingRecord();
    r.delivered = longOr(v.get(0), 0);
    r.promoted = longOr(v.get(1), 0);
    r.attempts = longOr(v.get(2), 0);
    r.passRate = doubleOr(v.get(3), Double.NaN);
    r.slot = longOr(v.get(4), -1);
    r.allow = longOr(v.get(5), 0);
    r.granted = longOr(v.get(6), 0);
    r.demand = doubleOr(v.get(7), Double.NaN);
    r.base = doubleOr(v.get(8), 0);
    r.baseMs = longOr(v.get(9), -1);
    r.frozen = doubleOr(v.get(10), Double.NaN);
    r.status = v.get(11) == null ? null : v.get(11).toString();
    r.engagement = v.get(12) == null ? "" : v.get(12).toString();
    r.revision = v.get(13) == null ? null : v.get(13).toString();
    return r;
  }

  private static long longOr(Response r, long absent) {
    return r == null ? absent : (long) Double.parseDouble(r.toString());
  }

  private static double doubleOr(Response r, double absent) {
    return r == null || r.toString().isEmpty() ? absent : Double.parseDouble(r.toString());
  }
}
