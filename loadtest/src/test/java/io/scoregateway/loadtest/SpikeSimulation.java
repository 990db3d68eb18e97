package io.scoregateway.loadtest;

import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.scenario;

import io.gatling.javaapi.core.Simulation;

/**
 * A sudden step: {@code rate} requests/s for half of {@code duration} (default 120 s), then {@code
 * spikeFactor} (default 5) times that rate with no ramp for a quarter, then back to {@code rate}
 * for the last quarter, to see whether the gateway sheds, degrades and recovers.
 */
public class SpikeSimulation extends Simulation {
  private final LoadConfig cfg = new LoadConfig();
  private final Traffic traffic = new Traffic(cfg);

  {
    int seconds = cfg.durationOr(120);
    double factor = Double.parseDouble(System.getProperty("spikeFactor", "5"));
    int steady = seconds / 2;
    int spike = Math.max(1, seconds / 4);
    int recover = Math.max(1, seconds - steady - spike);
    System.out.println(
        cfg.describe(
            "SpikeSimulation",
            String.format(
                "%.0f req/s for %d s, %.0f req/s for %d s, %.0f req/s for %d s",
                cfg.rate, steady, cfg.rate * factor, spike, cfg.rate, recover)));
    setUp(
            scenario("score lookups with a spike")
                .exec(traffic.score(false))
                .injectOpen(
                    constantUsersPerSec(cfg.rate).during(steady),
                    constantUsersPerSec(cfg.rate * factor).during(spike),
                    constantUsersPerSec(cfg.rate).during(recover))
                .andThen(Promotions.checkScenario(cfg).injectOpen(atOnceUsers(1))))
        .protocols(cfg.protocol())
        .assertions(cfg.assertions());
  }

  @Override
  public void after() {
    System.out.println(Promotions.summary());
  }
}
