package io.scoregateway.loadtest;

import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.scenario;

import io.gatling.javaapi.core.Simulation;

/**
 * A long steady run at {@code rate} requests/s for {@code duration} s (default 1800 = 30 min):
 * finds leaks, slow growth of latency, GC pauses and pacing drift that short runs hide.
 */
public class SoakSimulation extends Simulation {
  private final LoadConfig cfg = new LoadConfig();
  private final Traffic traffic = new Traffic(cfg);

  {
    int seconds = cfg.durationOr(1800);
    System.out.println(cfg.describe("SoakSimulation",
        String.format("ramp to %.0f req/s over %d s, then %d s", cfg.rate, cfg.rampSeconds, seconds)));
    setUp(scenario("soak").exec(traffic.score(false))
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
