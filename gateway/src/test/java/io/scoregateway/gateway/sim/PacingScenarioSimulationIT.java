package io.scoregateway.gateway.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.scoregateway.devredis.LocalRedis;
import io.vertx.redis.client.RedisOptions;
import org.junit.jupiter.api.Test;

/**
 * The pacing scenarios through the real pipeline, refreshers, pacing script and ledger on a short
 * flight (40 s of 1 s slots; plays 0-3 s late, so delivered trails the plan by about 4% of budget
 * on their own): traffic at or above the need holds the plan within 10% of budget, ends at 95-100%
 * and over-delivers at most 2%; traffic at half the need is never paced once the ramp is over.
 */
class PacingScenarioSimulationIT {
  @Test
  void everyScenarioHoldsTheIssuesBounds() throws Exception {
    PacingScenarios.Flight f =
        new PacingScenarios.Flight(
            Integer.getInteger("sim.flight.seconds", 40),
            Long.getLong("sim.budget", 400),
            3_000,
            5);
    try (LocalRedis redis = LocalRedis.start()) {
      ScenarioSimulation.Outcome o =
          ScenarioSimulation.run(
              PacingScenarios.all(),
              f,
              new RedisOptions().setConnectionString(redis.url()),
              "it",
              100);
      System.out.println(
          ScenarioReport.table(o.rows()) + "wall " + o.report().getDouble("wall_seconds") + " s");
      for (ScenarioReport.Row r : o.rows()) {
        assertThat(r.series().redisDelivered)
            .as("redis counter of %s", r.name())
            .isEqualTo(r.series().total);
        if (r.boundsApply()) {
          assertThat(r.worstGap())
              .as("%s: worst gap, share of budget", r.name())
              .isLessThan(ScenarioReport.MAX_GAP);
          assertThat(r.finalShare())
              .as("%s: final share", r.name())
              .isBetween(ScenarioReport.MIN_FINAL, 1.0);
          assertThat(r.overShare())
              .as("%s: over-delivery", r.name())
              .isLessThanOrEqualTo(ScenarioReport.MAX_OVER);
        } else {
          assertThat(r.pacedAfterRamp()).as("%s: paced after the ramp", r.name()).isZero();
          assertThat(r.series().promotions[PacingScenarios.RAMP_SLOTS])
              .as("%s: promotes", r.name())
              .isPositive();
        }
      }
    }
  }
}
