package io.scoregateway.gateway.sim;

import io.scoregateway.allocate.AllocationPolicy;
import io.scoregateway.allocate.AllocationRules;
import io.scoregateway.gateway.cli.Await;
import io.vertx.core.Vertx;
import io.vertx.redis.client.RedisOptions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The contention scenario flown once per allocation policy, with the same requests and scores,
 * through the real pipeline (gates, pacing view, allocation), refresher, pacing script and ledger.
 */
final class ContentionSimulation {
  /** Each policy's campaign series, in the scenario's order. */
  record Outcome(Map<AllocationPolicy, List<CampaignSeries>> series, long wallMs) {}

  private ContentionSimulation() {}

  static Outcome run(
      List<ContentionScenario.Spec> specs,
      ContentionScenario.Flight f,
      RedisOptions redis,
      String tag) {
    long t0 = System.currentTimeMillis();
    Vertx vertx = Vertx.vertx();
    try {
      String snapshot =
          SimSnapshot.write(
              vertx, redis, tag + "-scores", ContentionScenario.scores(specs, f.seed()));
      Map<AllocationPolicy, List<CampaignSeries>> out = new LinkedHashMap<>();
      for (AllocationPolicy policy :
          List.of(AllocationPolicy.RELEVANCE, AllocationPolicy.BALANCED)) {
        String runTag = tag + "-" + policy.wire();
        AllocationRules rules = AllocationRules.parse("*: policy=" + policy.wire());
        SimSettings s =
            new SimSettings(
                specs.size(),
                0,
                specs.size(),
                1,
                1,
                1_000,
                0,
                0,
                -1,
                1.0,
                100,
                f.seed(),
                new SimOptions(Double.NaN, f.lagMs(), 12, SimOptions.Plan.EVEN, 1));
        Map<String, CampaignSeries> series;
        try (SimRun run =
            new SimRun(vertx, redis, s, snapshot, ContentionScenario.Flight.START_MS, rules)) {
          series = run.run(new ContentionTraffic(runTag, specs, f));
        }
        List<CampaignSeries> ordered = new ArrayList<>();
        for (int j = 0; j < specs.size(); j++) {
          ordered.add(series.get(runTag + "-k" + j));
        }
        out.put(policy, ordered);
      }
      return new Outcome(out, System.currentTimeMillis() - t0);
    } finally {
      Await.result(vertx.close());
    }
  }
}
