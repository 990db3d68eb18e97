package io.scoregateway.loadtest;

import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.scenario;

import io.gatling.javaapi.core.Simulation;

/**
 * The recommender's steady score traffic, an open workload: ramps to {@code rate} requests/s over
 * {@code ramp} s, then holds it for {@code duration} s (default 120).
 */
public class ScoreLookupSimulation extends Simulation {
  private final LoadConfig cfg = new LoadConfig();
  private final Traffic traffic = new Traffic(cfg);

  {
    int seconds = cfg.durationOr(120);
    System.out.println(cfg.describe("ScoreLookupSimulation",
        String.format("ramp to %.0f req/s over %d s, then %d s", cfg.rate, cfg.rampSeconds, seconds)));
    setUp(scenario("score lookups").exec(traffic.score(false))
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
