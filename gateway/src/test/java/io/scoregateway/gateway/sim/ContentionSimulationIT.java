package io.scoregateway.gateway.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.scoregateway.allocate.AllocationPolicy;
import io.scoregateway.devredis.LocalRedis;
import io.vertx.redis.client.RedisOptions;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The contention scenario through the real pipeline, allocation, refresher, pacing script and
 * ledger, once per policy: with {@code relevance} some campaigns that are feasible alone starve;
 * with {@code balanced} every one of them delivers 98-100% of its budget, and the mean base score
 * of promoted tracks stays at least 95% of what relevance achieves.
 */
class ContentionSimulationIT {
  @Test
  void balancedDeliversEveryFeasibleCampaignAndKeepsRelevance() throws Exception {
    List<ContentionScenario.Spec> specs = ContentionScenario.all();
    ContentionScenario.Flight f = new ContentionScenario.Flight(60, 100, 1_000, 11);
    try (LocalRedis redis = LocalRedis.start()) {
      ContentionSimulation.Outcome o =
          ContentionSimulation.run(
              specs, f, new RedisOptions().setConnectionString(redis.url()), "it");
      System.out.print(ContentionReport.table(specs, o));
      int starvedUnderRelevance = 0;
      for (int j = 0; j < specs.size(); j++) {
        ContentionScenario.Spec s = specs.get(j);
        ContentionReport.Cell relevance = ContentionReport.cell(o, AllocationPolicy.RELEVANCE, j);
        ContentionReport.Cell balanced = ContentionReport.cell(o, AllocationPolicy.BALANCED, j);
        for (CampaignSeries cs :
            List.of(
                o.series().get(AllocationPolicy.RELEVANCE).get(j),
                o.series().get(AllocationPolicy.BALANCED).get(j))) {
          assertThat(cs.redisDelivered).as("redis counter of %s", s.name()).isEqualTo(cs.total);
        }
        if (s.feasibleAlone()) {
          starvedUnderRelevance += ContentionReport.starves(s, relevance) ? 1 : 0;
          assertThat(balanced.deliveredShare())
              .as("%s under balanced", s.name())
              .isGreaterThanOrEqualTo(ContentionReport.MIN_FEASIBLE);
          assertThat(balanced.over()).as("%s over-delivery", s.name()).isLessThanOrEqualTo(2);
        } else {
          assertThat(balanced.deliveredShare()).as("%s is infeasible", s.name()).isLessThan(1);
        }
      }
      assertThat(starvedUnderRelevance)
          .as("feasible campaigns starving under relevance")
          .isPositive();
      assertThat(ContentionReport.scoreRatio(o))
          .isGreaterThanOrEqualTo(ContentionReport.MIN_SCORE_RATIO);
      assertThat(ContentionReport.passed(specs, o)).isTrue();
    }
  }
}
