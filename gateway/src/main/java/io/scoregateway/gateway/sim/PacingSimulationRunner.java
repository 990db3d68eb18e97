package io.scoregateway.gateway.sim;

import io.vertx.core.json.JsonObject;
import io.vertx.redis.client.RedisOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Runs the simulation, writes the report and the plot, prints the verdict. */
public final class PacingSimulationRunner {
  private PacingSimulationRunner() {}

  /** Returns the exit code: 0 when every acceptance check holds. */
  public static int run(SimSettings s, RedisOptions redis, Path reportFile, Path plotFile)
      throws IOException {
    String tag = "sim" + Long.toString(System.currentTimeMillis(), 36);
    PacingSimulation.Outcome outcome = new PacingSimulation(s, redis, tag).run();
    JsonObject report = SimulationReport.build(outcome);
    write(reportFile, SeriesJson.encode(report));
    double span = (s.slots() + s.tailSlots()) * (double) s.slotMs() / 3_600_000;
    DeliveryPlot.write(
        plotFile,
        "Cumulative delivery vs plan, " + s.hours() + " h simulated flight",
        span,
        "h",
        plotLines(outcome));
    JsonObject summary = report.getJsonObject("summary");
    System.out.println(
        "simulated "
            + s.hours()
            + " h ("
            + s.slots()
            + " slots) in "
            + report.getDouble("wall_seconds")
            + " s");
    System.out.println(
        "feasible campaigns delivered % of budget: "
            + summary.getJsonObject("feasible_delivered_pct"));
    System.out.println(
        "even pacing, largest gap to plan % of budget: "
            + summary.getJsonObject("even_max_gap_pct"));
    System.out.println(
        "same budgets on asap, gap to the even plan: "
            + summary.getJsonObject("asap_on_even_plans_max_gap_pct"));
    System.out.println("worst over-delivery: " + summary.getJsonObject("worst_over_delivery"));
    System.out.println(
        "cap violations: "
            + summary.getLong("cap_violations")
            + ", double counted: "
            + summary.getLong("double_counted"));
    System.out.println("checks: " + report.getJsonObject("checks"));
    System.out.println("report: " + reportFile + ", plot: " + plotFile);
    return SimulationReport.passed(report) ? 0 : 1;
  }

  /**
   * Runs the scenarios, writes their report and plot, prints the table; 0 when every bound holds.
   */
  public static int runScenarios(
      int flightSeconds,
      long budget,
      long lagMs,
      long seed,
      RedisOptions redis,
      Path reportFile,
      Path plotFile)
      throws IOException {
    String tag = "sc" + Long.toString(System.currentTimeMillis(), 36);
    PacingScenarios.Flight f = new PacingScenarios.Flight(flightSeconds, budget, lagMs, seed);
    ScenarioSimulation.Outcome o =
        ScenarioSimulation.run(PacingScenarios.all(), f, redis, tag, 100);
    write(reportFile, SeriesJson.encode(o.report()));
    List<DeliveryPlot.Line> lines = new ArrayList<>();
    for (String name :
        List.of("demand 100x", "budget raised", "paused", "traffic 3x", "two instances, 30x")) {
      o.rows().stream()
          .filter(r -> r.name().startsWith(name))
          .findFirst()
          .ifPresent(
              r ->
                  lines.add(
                      new DeliveryPlot.Line(r.name().replace(", 30x", ""), r.series(), null)));
    }
    double span = lines.isEmpty() ? flightSeconds : lines.get(0).run().delivered.length;
    DeliveryPlot.write(
        plotFile,
        "Cumulative delivery vs plan, "
            + flightSeconds
            + " s flights, 1 s slots, plays "
            + lagMs / 1000.0
            + " s late at most",
        span,
        "s",
        lines);
    System.out.print(ScenarioReport.table(o.rows()));
    System.out.println(
        "simulated "
            + flightSeconds
            + " s flights in "
            + o.report().getDouble("wall_seconds")
            + " s");
    System.out.println("report: " + reportFile + ", plot: " + plotFile);
    return o.report().getBoolean("passed") ? 0 : 1;
  }

  /**
   * Runs the contention scenario under both allocation policies, writes its report and plot, prints
   * the table; 0 when balanced delivers every feasible campaign and keeps relevance.
   */
  public static int runContention(
      int flightSeconds,
      int requestsPerSec,
      long lagMs,
      long seed,
      RedisOptions redis,
      Path reportFile,
      Path plotFile)
      throws IOException {
    String tag = "ct" + Long.toString(System.currentTimeMillis(), 36);
    ContentionScenario.Flight f =
        new ContentionScenario.Flight(flightSeconds, requestsPerSec, lagMs, seed);
    List<ContentionScenario.Spec> specs = ContentionScenario.all();
    ContentionSimulation.Outcome o = ContentionSimulation.run(specs, f, redis, tag);
    JsonObject report = ContentionReport.build(specs, f, o);
    write(reportFile, SeriesJson.encode(report));
    ContentionPlot.write(
        plotFile,
        specs,
        o,
        "Campaigns competing for the same listeners, max_promoted 1-3, "
            + flightSeconds
            + " s flight");
    System.out.print(ContentionReport.table(specs, o));
    System.out.println(
        "simulated both policies on "
            + flightSeconds
            + " s flights in "
            + report.getDouble("wall_seconds")
            + " s");
    System.out.println("report: " + reportFile + ", plot: " + plotFile);
    return report.getBoolean("passed") ? 0 : 1;
  }

  /**
   * One even, one front-loaded, one asap and one infeasible campaign, the even one with its asap
   * twin.
   */
  private static List<DeliveryPlot.Line> plotLines(PacingSimulation.Outcome o) {
    List<DeliveryPlot.Line> lines = new ArrayList<>();
    int[] picks = {0, 1, 3, 4};
    String[] labels = {"even", "front_loaded", "asap", "even, infeasible"};
    for (int i = 0; i < picks.length && picks[i] < o.settings().campaigns(); i++) {
      CampaignSeries run = SimulationReport.find(o.main(), picks[i]);
      CampaignSeries asap = i == 0 ? SimulationReport.find(o.asap(), picks[i]) : null;
      lines.add(new DeliveryPlot.Line("c" + picks[i] + " " + labels[i], run, asap));
    }
    return lines;
  }

  static void write(Path file, String text) throws IOException {
    if (file.getParent() != null) {
      Files.createDirectories(file.getParent());
    }
    Files.writeString(file, text);
  }
}
