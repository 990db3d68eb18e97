package io.scoregateway.gateway.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.scoregateway.devredis.LocalRedis;
import io.vertx.core.json.JsonObject;
import io.vertx.redis.client.RedisOptions;
import org.junit.jupiter.api.Test;

/**
 * A short simulated flight (4 h) through the real pipeline, pacing script and ledger: the
 * invariants must hold exactly; the delivery and plan-tracking targets are checked on the README's
 * full-day run.
 */
class PacingSimulationIT {
  @Test
  void shortFlightKeepsEveryInvariant() throws Exception {
    SimSettings s = new SimSettings(10, 4_000, 400, 10, 4, 60_000, 60, 40, 3, 0.5, 30, 11);
    try (LocalRedis redis = LocalRedis.start()) {
      PacingSimulation.Outcome o =
          new PacingSimulation(s, new RedisOptions().setConnectionString(redis.url()), "it").run();
      JsonObject report = SimulationReport.build(o);
      JsonObject checks = report.getJsonObject("checks");
      assertThat(checks.getBoolean("zero_double_counted")).as(report.encodePrettily()).isTrue();
      assertThat(checks.getBoolean("zero_cap_violations")).isTrue();
      assertThat(checks.getBoolean("over_delivery_within_promotions_in_flight")).isTrue();
      for (CampaignSeries cs : o.main().values()) {
        assertThat(cs.redisDelivered)
            .as("redis counter of %s", cs.campaign.id())
            .isEqualTo(cs.total);
        assertThat(cs.total).as("some traffic reached %s", cs.campaign.id()).isPositive();
      }
      double median =
          report
              .getJsonObject("summary")
              .getJsonObject("feasible_delivered_pct")
              .getDouble("median");
      assertThat(median).isGreaterThan(95.0);
    }
  }
}
