package io.scoregateway.gateway.sim;

import io.scoregateway.gateway.cli.Await;
import io.vertx.core.Vertx;
import io.vertx.redis.client.RedisOptions;
import java.util.List;
import java.util.Map;

/**
 * Every scenario flying at once in one run through the real pipeline, refreshers, pacing script and
 * ledger: one campaign per scenario, on as many instances as the most any scenario asks for.
 */
final class ScenarioSimulation {
  /** The rows, the report and the run's series. */
  record Outcome(List<ScenarioReport.Row> rows, io.vertx.core.json.JsonObject report) {}

  private ScenarioSimulation() {}

  static Outcome run(
      List<PacingScenarios.Scenario> scenarios,
      PacingScenarios.Flight f,
      RedisOptions redis,
      String tag,
      int wave) {
    long t0 = System.currentTimeMillis();
    int instances =
        scenarios.stream().mapToInt(PacingScenarios.Scenario::instances).max().orElse(1);
    SimOptions options = new SimOptions(Double.NaN, f.lagMs(), 12, SimOptions.Plan.EVEN, instances);
    // campaigns, users, tracks, tracks per campaign, hours (unused), 1 s slots, peak (unused),
    // candidates
    // (unused), no slot limit, every promotion played, wave, seed
    SimSettings s =
        new SimSettings(
            scenarios.size(),
            0,
            scenarios.size(),
            1,
            1,
            1_000,
            0,
            0,
            -1,
            1.0,
            wave,
            f.seed(),
            options);
    Vertx vertx = Vertx.vertx();
    try {
      String snapshot =
          SimSnapshot.write(vertx, redis, tag + "-scores", scenarios.size(), f.seed());
      Map<String, CampaignSeries> series;
      try (SimRun run = new SimRun(vertx, redis, s, snapshot, PacingScenarios.Flight.START_MS)) {
        series = run.run(new ScenarioTraffic(tag, scenarios, f));
      }
      List<ScenarioReport.Row> rows = ScenarioReport.rows(scenarios, series, tag);
      return new Outcome(
          rows, ScenarioReport.build(rows, f, instances, System.currentTimeMillis() - t0));
    } finally {
      Await.result(vertx.close());
    }
  }
}
