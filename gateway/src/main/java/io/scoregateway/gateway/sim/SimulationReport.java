package io.scoregateway.gateway.sim;

import io.scoregateway.model.PacingMode;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The simulation's JSON report: per-campaign rows, distributions and the acceptance checks. */
final class SimulationReport {
  static final double MIN_FEASIBLE_SHARE = 0.98;
  static final double MAX_EVEN_GAP = 0.05;

  private SimulationReport() {}

  static JsonObject build(PacingSimulation.Outcome o) {
    JsonArray rows = new JsonArray();
    List<Double> feasibleShares = new ArrayList<>();
    List<Double> evenGaps = new ArrayList<>();
    List<Double> asapEvenGaps = new ArrayList<>();
    long violations = 0;
    long doubleCounted = 0;
    JsonObject worstOver = new JsonObject().put("over_delivery", -1);
    List<CampaignSeries> main = new ArrayList<>(o.main().values());
    main.sort(Comparator.comparingInt(cs -> number(cs.campaign.id())));
    for (CampaignSeries cs : main) {
      int j = number(cs.campaign.id());
      long available = o.available().get("c" + j);
      boolean feasible = cs.campaign.budget() <= available;
      CampaignSeries asap = find(o.asap(), j);
      boolean even = cs.campaign.pacing() == PacingMode.EVEN;
      violations += cs.capViolations;
      doubleCounted += Math.abs(cs.redisDelivered - cs.total);
      if (feasible) {
        feasibleShares.add(cs.deliveredShare());
      }
      if (even && feasible) {
        evenGaps.add(cs.maxGapShare());
        asapEvenGaps.add(gapAgainst(asap, cs));
      }
      if (cs.overDelivery() > worstOver.getLong("over_delivery")) {
        worstOver =
            new JsonObject()
                .put("campaign", "c" + j)
                .put("over_delivery", cs.overDelivery())
                .put("promotions_in_flight_bound", cs.maxInFlight);
      }
      rows.add(
          new JsonObject()
              .put("campaign", "c" + j)
              .put("pacing", cs.campaign.pacing().wire())
              .put("capped", cs.campaign.frequencyCap() != null)
              .put("budget", cs.campaign.budget())
              .put("available", available)
              .put("feasible", feasible)
              .put("delivered", cs.total)
              .put("delivered_pct", pct(cs.deliveredShare()))
              .put("max_gap_pct", pct(cs.maxGapShare()))
              .put("over_delivery", cs.overDelivery())
              .put("promotions_in_flight_bound", cs.maxInFlight)
              .put("cap_violations", cs.capViolations)
              .put("lost_to_slot_limit", cs.slotLimited)
              .put("redis_delivered", cs.redisDelivered)
              .put("asap_delivered_pct", pct(asap.deliveredShare()))
              .put("asap_max_gap_pct", pct(gapAgainst(asap, cs)))
              .put("series", SeriesJson.of(cs)));
    }
    boolean overOk = main.stream().allMatch(cs -> cs.overDelivery() <= cs.maxInFlight);
    JsonObject checks =
        new JsonObject()
            .put(
                "feasible_deliver_98_to_100_pct",
                feasibleShares.stream().allMatch(x -> x >= MIN_FEASIBLE_SHARE))
            .put("over_delivery_within_promotions_in_flight", overOk)
            .put("even_max_gap_under_5_pct", evenGaps.stream().allMatch(x -> x < MAX_EVEN_GAP))
            .put("zero_cap_violations", violations == 0)
            .put("zero_double_counted", doubleCounted == 0);
    SimSettings s = o.settings();
    return new JsonObject()
        .put(
            "settings",
            new JsonObject()
                .put("campaigns", s.campaigns())
                .put("users", s.users())
                .put("tracks", s.tracks())
                .put("hours", s.hours())
                .put("slot_seconds", s.slotMs() / 1000)
                .put("peak_requests_per_slot", s.peakRequestsPerSlot())
                .put("candidates_per_request", s.candidatesPerRequest())
                .put("max_promoted", s.maxPromoted())
                .put("play_rate", s.playRate())
                .put("seed", s.seed())
                .put("deliveries_sent_per_event", 2)
                .put(
                    "demand_ratio",
                    Double.isNaN(s.options().demandRatio()) ? null : s.options().demandRatio())
                .put("delivery_lag_ms", s.options().deliveryLagMs())
                .put("start_hour", s.options().startHour())
                .put("plan", s.options().plan().name().toLowerCase(Locale.ROOT))
                .put("instances", s.options().instances()))
        .put("wall_seconds", o.wallMs() / 1000.0)
        .put(
            "summary",
            new JsonObject()
                .put("feasible_delivered_pct", distribution(feasibleShares))
                .put("even_max_gap_pct", distribution(evenGaps))
                .put("asap_on_even_plans_max_gap_pct", distribution(asapEvenGaps))
                .put("worst_over_delivery", worstOver)
                .put("cap_violations", violations)
                .put("double_counted", doubleCounted))
        .put("checks", checks)
        .put("campaigns", rows);
  }

  static boolean passed(JsonObject report) {
    return report.getJsonObject("checks").stream().allMatch(e -> Boolean.TRUE.equals(e.getValue()));
  }

  /**
   * How far a run's delivery strayed from another run's plan (asap judged against the even plan).
   */
  static double gapAgainst(CampaignSeries run, CampaignSeries plan) {
    double worst = 0;
    for (int s = 0; s < run.delivered.length; s++) {
      worst = Math.max(worst, Math.abs(run.delivered[s] - plan.planned[s]));
    }
    return worst / plan.campaign.budget();
  }

  static CampaignSeries find(Map<String, CampaignSeries> runs, int j) {
    return runs.values().stream()
        .filter(cs -> number(cs.campaign.id()) == j)
        .findFirst()
        .orElseThrow();
  }

  static int number(String id) {
    return Integer.parseInt(id.substring(id.lastIndexOf("-c") + 2));
  }

  private static JsonObject distribution(List<Double> values) {
    List<Double> v = new ArrayList<>(values);
    v.sort(Double::compare);
    if (v.isEmpty()) {
      return new JsonObject().put("n", 0);
    }
    return new JsonObject()
        .put("n", v.size())
        .put("min", pct(v.get(0)))
        .put("median", pct(v.get(v.size() / 2)))
        .put("p90", pct(v.get((int) Math.min(v.size() - 1, Math.ceil(v.size() * 0.9) - 1))))
        .put("max", pct(v.get(v.size() - 1)));
  }

  private static double pct(double share) {
    return Math.round(share * 10_000) / 100.0;
  }
}
