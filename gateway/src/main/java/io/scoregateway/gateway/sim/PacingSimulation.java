package io.scoregateway.gateway.sim;

import io.scoregateway.gateway.cli.Await;
import io.scoregateway.model.Campaign;
import io.scoregateway.model.CampaignStatus;
import io.scoregateway.model.FrequencyCap;
import io.scoregateway.model.PacingMode;
import io.vertx.core.Vertx;
import io.vertx.redis.client.RedisOptions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Three passes over the same synthetic day: a probe (unlimited asap budgets) measures how many
 * deliveries each campaign could get; the main run gives campaigns budgets relative to that (most
 * feasible, some not) with mixed modes and caps; the comparison run replays the main run with every
 * campaign on {@code asap}.
 */
public final class PacingSimulation {
  /** Everything the report and plot need. */
  public record Outcome(
      SimSettings settings,
      Map<String, CampaignSeries> main,
      Map<String, CampaignSeries> asap,
      Map<String, Long> available,
      long wallMs) {}

  private final SimSettings s;
  private final RedisOptions redis;
  private final String tag;

  PacingSimulation(SimSettings s, RedisOptions redis, String tag) {
    this.s = s;
    this.redis = redis;
    this.tag = tag;
  }

  Outcome run() {
    long t0 = System.currentTimeMillis();
    long start =
        Instant.parse("2026-11-28T00:00:00Z").toEpochMilli() + s.options().startHour() * 3_600_000L;
    long end = start + s.hours() * 3_600_000L;
    Vertx vertx = Vertx.vertx();
    try {
      String snapshot = SimSnapshot.write(vertx, redis, tag + "-scores", s.tracks(), s.seed());
      Map<String, CampaignSeries> probe =
          pass(vertx, snapshot, start, campaigns("p", start, end, null, true), "-pu");
      Map<String, Long> available = new java.util.TreeMap<>();
      probe.forEach(
          (id, series) -> available.put(id.substring(id.indexOf("-c") + 1), series.total));
      Map<String, CampaignSeries> main =
          pass(vertx, snapshot, start, campaigns("m", start, end, available, false), "-mu");
      Map<String, CampaignSeries> asap =
          pass(vertx, snapshot, start, campaigns("a", start, end, available, true), "-au");
      return new Outcome(s, main, asap, available, System.currentTimeMillis() - t0);
    } finally {
      Await.result(vertx.close());
    }
  }

  private Map<String, CampaignSeries> pass(
      Vertx vertx, String snapshot, long start, List<Campaign> campaigns, String users) {
    try (SimRun run = new SimRun(vertx, redis, s, snapshot, start)) {
      return run.run(new DayTraffic(s, campaigns, tag + users));
    }
  }

  /**
   * Budget as a share of what the probe found available: with a demand ratio R, 1 / R for every
   * campaign; else the day's mix, four in five feasible.
   */
  double budgetShare(int j) {
    if (!Double.isNaN(s.options().demandRatio())) {
      return 1 / s.options().demandRatio();
    }
    return j % 5 == 4 ? 3.0 : 0.2 + 0.6 * ((j * 7) % 10) / 10.0;
  }

  static PacingMode mode(int j) {
    return j % 5 == 1 ? PacingMode.FRONT_LOADED : j % 5 == 3 ? PacingMode.ASAP : PacingMode.EVEN;
  }

  private List<Campaign> campaigns(
      String pass, long start, long end, Map<String, Long> available, boolean asap) {
    List<Campaign> out = new ArrayList<>();
    int perCampaign = s.tracksPerCampaign();
    for (int j = 0; j < s.campaigns(); j++) {
      List<String> tracks = new ArrayList<>();
      for (int k = 0; k < perCampaign; k++) {
        tracks.add("st" + (j * perCampaign + k));
      }
      long budget =
          available == null
              ? 1_000_000_000_000L
              : Math.max(1, Math.round(budgetShare(j) * available.get("c" + j)));
      FrequencyCap cap = j % 2 == 0 ? new FrequencyCap(2, 4 * 3600) : null;
      PacingMode mode = asap ? PacingMode.ASAP : mode(j);
      boolean shaped = mode != PacingMode.ASAP && s.options().plan() == SimOptions.Plan.PROFILE;
      out.add(
          new Campaign(
              tag + "-" + pass + "-c" + j,
              tracks,
              null,
              null,
              Instant.ofEpochMilli(start),
              Instant.ofEpochMilli(end),
              budget,
              mode,
              cap,
              1.0 + (j % 3) * 0.2,
              CampaignStatus.ACTIVE,
              shaped ? s.hourlyProfile() : null));
    }
    return out;
  }
}
