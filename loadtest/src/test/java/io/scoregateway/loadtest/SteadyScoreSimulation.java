package io.scoregateway.loadtest;

import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.scenario;

import io.gatling.javaapi.core.Simulation;

/**
 * Steady score traffic as an open workload: ramps to {@code rate} requests/s over {@code ramp} s,
 * then holds it for {@code duration} s; the subclasses differ only in name and default duration.
 */
abstract class SteadyScoreSimulation extends Simulation {
  protected final LoadConfig cfg = new LoadConfig();
  protected final Traffic traffic = new Traffic(cfg);

  SteadyScoreSimulation(String name, String scenarioName, int defaultSeconds) {
    int seconds = cfg.durationOr(defaultSeconds);
    System.out.println(
        cfg.describe(
            name,
            String.format(
                "ramp to %.0f req/s over %d s, then %d s", cfg.rate, cfg.rampSeconds, seconds)));
    setUp(
            scenario(scenarioName)
                .exec(traffic.score(false))
                .injectOpen(LoadConfig.rampThenConstant(cfg, seconds))
                .andThen(Promotions.checkScenario(cfg).injectOpen(atOnceUsers(1))))
        .protocols(cfg.protocol())
        .assertions(cfg.assertions());
  }

  @Override
  public void after() {
    System.out.println(Promotions.summary());
  }
}
