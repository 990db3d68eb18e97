package io.scoregateway.gateway.sim;

import io.scoregateway.allocate.AllocationPolicy;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * The contention scenario's report: per campaign its share of budget delivered and the mean base
 * score of its promotions under each policy; over all campaigns the mean base score of promoted
 * tracks; and the acceptance: with {@code balanced} every campaign feasible alone delivers 98-100%
 * of its budget, and the mean base score stays at least 95% of what {@code relevance} achieves.
 */
final class ContentionReport {
  static final double MIN_FEASIBLE = 0.98;
  static final double MIN_SCORE_RATIO = 0.95;

  private ContentionReport() {}

  /** One campaign under one policy. */
  record Cell(double deliveredShare, long promotions, double meanBase, long over) {
    static Cell of(CampaignSeries cs) {
      long promotions = cs.promotionsTotal();
      return new Cell(
          cs.deliveredShare(),
          promotions,
          promotions == 0 ? 0 : cs.promotedScore / promotions,
          cs.overDelivery());
    }
  }

  static Cell cell(ContentionSimulation.Outcome o, AllocationPolicy p, int j) {
    return Cell.of(o.series().get(p).get(j));
  }

  /** Mean base score of every promotion made under the policy. */
  static double meanBase(ContentionSimulation.Outcome o, AllocationPolicy p) {
    double score = 0;
    long n = 0;
    for (CampaignSeries cs : o.series().get(p)) {
      score += cs.promotedScore;
      n += cs.promotionsTotal();
    }
    return n == 0 ? 0 : score / n;
  }

  /** A campaign feasible alone that ends short of 98% of its budget. */
  static boolean starves(ContentionScenario.Spec s, Cell c) {
    return s.feasibleAlone() && c.deliveredShare() < MIN_FEASIBLE;
  }

  static boolean passed(List<ContentionScenario.Spec> specs, ContentionSimulation.Outcome o) {
    for (int j = 0; j < specs.size(); j++) {
      Cell c = cell(o, AllocationPolicy.BALANCED, j);
      // at most its budget, plus the two units a lease may hold past its slot
      if (specs.get(j).feasibleAlone() && (starves(specs.get(j), c) || c.over() > 2)) {
        return false;
      }
    }
    return scoreRatio(o) >= MIN_SCORE_RATIO;
  }

  static double scoreRatio(ContentionSimulation.Outcome o) {
    return meanBase(o, AllocationPolicy.BALANCED) / meanBase(o, AllocationPolicy.RELEVANCE);
  }

  static JsonObject build(
      List<ContentionScenario.Spec> specs,
      ContentionScenario.Flight f,
      ContentionSimulation.Outcome o) {
    JsonArray campaigns = new JsonArray();
    for (int j = 0; j < specs.size(); j++) {
      ContentionScenario.Spec s = specs.get(j);
      JsonObject row =
          new JsonObject()
              .put("campaign", s.name())
              .put("relevance", s.relevance())
              .put("audience_share", s.reach())
              .put("need", s.need())
              .put("feasible_alone", s.feasibleAlone())
              .put("budget", ContentionScenario.budget(s, f));
      for (AllocationPolicy p : o.series().keySet()) {
        Cell c = cell(o, p, j);
        row.put(
            p.wire(),
            new JsonObject()
                .put("delivered_pct", ScenarioReport.pct(c.deliveredShare()))
                .put("promotions", c.promotions())
                .put("mean_base_score", round(c.meanBase()))
                .put("starves", starves(s, c))
                .put("series", SeriesJson.of(o.series().get(p).get(j))));
      }
      campaigns.add(row);
    }
    JsonObject mean = new JsonObject();
    for (AllocationPolicy p : o.series().keySet()) {
      mean.put(p.wire(), round(meanBase(o, p)));
    }
    return new JsonObject()
        .put(
            "settings",
            new JsonObject()
                .put("flight_seconds", f.seconds())
                .put("slot_seconds", 1)
                .put("requests_per_second", f.requestsPerSec())
                .put("max_promoted", "1, 2, 3 in turn")
                .put("segments", ContentionScenario.SEGMENTS)
                .put("delivery_lag_ms", f.lagMs())
                .put("seed", f.seed()))
        .put("wall_seconds", o.wallMs() / 1000.0)
        .put("mean_base_score_of_promoted", mean)
        .put("balanced_over_relevance_score", round(scoreRatio(o)))
        .put("passed", passed(specs, o))
        .put("campaigns", campaigns);
  }

  /** The README's table. */
  static String table(List<ContentionScenario.Spec> specs, ContentionSimulation.Outcome o) {
    StringBuilder t =
        new StringBuilder(
            "| campaign | relevance | audience | need | relevance: delivered | balanced: delivered"
                + " | relevance: mean base | balanced: mean base |\n"
                + "|---|---|---|---|---|---|---|---|\n");
    for (int j = 0; j < specs.size(); j++) {
      ContentionScenario.Spec s = specs.get(j);
      Cell r = cell(o, AllocationPolicy.RELEVANCE, j);
      Cell b = cell(o, AllocationPolicy.BALANCED, j);
      t.append("| ")
          .append(s.name())
          .append(" | ")
          .append(s.relevance())
          .append(" | ")
          .append(Math.round(s.reach() * 100))
          .append("% | ")
          .append(Math.round(s.need() * 100))
          .append("% | ")
          .append(ScenarioReport.pct(r.deliveredShare()))
          .append(starves(s, r) ? "% (starves)" : "%")
          .append(" | ")
          .append(ScenarioReport.pct(b.deliveredShare()))
          .append(starves(s, b) ? "% (starves)" : "%")
          .append(" | ")
          .append(round(r.meanBase()))
          .append(" | ")
          .append(round(b.meanBase()))
          .append(" |\n");
    }
    t.append("| all promoted | | | | | | ")
        .append(round(meanBase(o, AllocationPolicy.RELEVANCE)))
        .append(" | ")
        .append(round(meanBase(o, AllocationPolicy.BALANCED)))
        .append(" (")
        .append(ScenarioReport.pct(scoreRatio(o)))
        .append("%) |\n");
    return t.toString();
  }

  static double round(double v) {
    return Math.round(v * 1000) / 1000.0;
  }
}
