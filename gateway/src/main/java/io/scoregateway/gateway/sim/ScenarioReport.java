package io.scoregateway.gateway.sim;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;

/**
 * The scenarios' report: per scenario the worst gap between delivered and planned, the final
 * delivery, the over-delivery (all as shares of the budget in force), the slots to settle (first
 * slot after which the gap stays under 5%), and the per-slot series; and the acceptance bounds.
 */
final class ScenarioReport {
  static final double MAX_GAP = 0.10;
  static final double MIN_FINAL = 0.95;
  static final double MAX_OVER = 0.02;
  static final double SETTLED_GAP = 0.05;

  private ScenarioReport() {}

  /** One scenario's numbers. */
  record Row(
      String name,
      double worstGap,
      double finalShare,
      double overShare,
      int slotsToSettle,
      long pacedAfterRamp,
      boolean boundsApply,
      CampaignSeries series) {
    static Row of(PacingScenarios.Scenario sc, CampaignSeries cs) {
      double budget = cs.campaign.budget();
      return new Row(
          sc.name(),
          cs.maxGapShare(),
          cs.total / budget,
          cs.overDelivery() / budget,
          cs.slotsToSettle(SETTLED_GAP),
          cs.pacedFrom(PacingScenarios.RAMP_SLOTS),
          sc.boundedDemand(),
          cs);
    }

    /**
     * The bounds: traffic at least the need holds the plan; traffic below it is never paced
     * after the ramp.
     */
    boolean holds() {
      return boundsApply
          ? worstGap < MAX_GAP
              && finalShare >= MIN_FINAL
              && finalShare <= 1 + MAX_OVER
              && overShare <= MAX_OVER
          : pacedAfterRamp == 0;
    }
  }

  static List<Row> rows(
      List<PacingScenarios.Scenario> scenarios, Map<String, CampaignSeries> series, String tag) {
    return java.util.stream.IntStream.range(0, scenarios.size())
        .mapToObj(j -> Row.of(scenarios.get(j), series.get(tag + "-c" + j)))
        .toList();
  }

  static JsonObject build(List<Row> rows, PacingScenarios.Flight f, int instances, long wallMs) {
    JsonArray out = new JsonArray();
    for (Row r : rows) {
      CampaignSeries cs = r.series();
      out.add(
          new JsonObject()
              .put("scenario", r.name())
              .put("budget", cs.campaign.budget())
              .put("delivered", cs.total)
              .put("worst_gap_pct", pct(r.worstGap()))
              .put("final_pct", pct(r.finalShare()))
              .put("over_delivery_pct", pct(r.overShare()))
              .put("slots_to_settle", r.slotsToSettle())
              .put("paced_after_ramp", r.pacedAfterRamp())
              .put("max_promotions_in_flight", cs.maxInFlight)
              .put("redis_delivered", cs.redisDelivered)
              .put("bounds_apply", r.boundsApply())
              .put("holds", r.holds())
              .put("series", SeriesJson.of(cs)));
    }
    return new JsonObject()
        .put(
            "settings",
            new JsonObject()
                .put("flight_seconds", f.seconds())
                .put("slot_seconds", 1)
                .put("budget", f.budget())
                .put("delivery_lag_ms", f.lagMs())
                .put("instances", instances)
                .put("seed", f.seed())
                .put("ramp_slots", PacingScenarios.RAMP_SLOTS))
        .put("wall_seconds", wallMs / 1000.0)
        .put(
            "passed",
            rows.stream().allMatch(Row::holds)
                && rows.stream().allMatch(r -> r.series().redisDelivered == r.series().total))
        .put("scenarios", out);
  }

  /** The README's table. */
  static String table(List<Row> rows) {
    StringBuilder t =
        new StringBuilder(
            """
            | scenario | worst gap | final | over-delivery | slots to settle |
            |---|---|---|---|---|
            """);
    for (Row r : rows) {
      // below the need the plan cannot be held: what matters is that nothing is paced after the
      // ramp
      String settle =
          r.boundsApply()
              ? Integer.toString(r.slotsToSettle())
              : "n/a: below the need; eligible not promoted after slot "
                  + PacingScenarios.RAMP_SLOTS
                  + ": "
                  + r.pacedAfterRamp();
      t.append("| ")
          .append(r.name())
          .append(" | ")
          .append(pct(r.worstGap()))
          .append("% | ")
          .append(pct(r.finalShare()))
          .append("% | ")
          .append(pct(r.overShare()))
          .append("% | ")
          .append(settle)
          .append(" |\n");
    }
    return t.toString();
  }

  static double pct(double share) {
    return Math.round(share * 10_000) / 100.0;
  }
}
