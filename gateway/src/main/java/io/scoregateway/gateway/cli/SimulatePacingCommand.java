package io.scoregateway.gateway.cli;

import io.scoregateway.devredis.LocalRedis;
import io.scoregateway.gateway.sim.PacingSimulationRunner;
import io.scoregateway.gateway.sim.SimSettings;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code simulate-pacing}: a synthetic day through the real pacing code on an accelerated clock. */
@Command(name = "simulate-pacing", mixinStandardHelpOptions = true,
    description = "Replay a synthetic day of traffic through the real scoring, pacing and delivery code "
        + "against a real Redis on an accelerated clock; write a JSON report and a PNG plot.")
public final class SimulatePacingCommand implements Callable<Integer> {
  @Mixin ConfigOptions options;

  @Option(names = "--use-configured-redis",
      description = "run against --redis instead of a throwaway local redis-server (keys are namespaced)")
  boolean useConfiguredRedis;

  @Option(names = "--campaigns", defaultValue = "20") int campaigns;
  @Option(names = "--users", defaultValue = "20000") int users;
  @Option(names = "--tracks", defaultValue = "1000") int tracks;
  @Option(names = "--tracks-per-campaign", defaultValue = "10") int tracksPerCampaign;
  @Option(names = "--hours", defaultValue = "24", description = "flight length (simulated)") int hours;
  @Option(names = "--slot-seconds", defaultValue = "60", description = "pacing slot (simulated)") int slotSeconds;
  @Option(names = "--peak-requests", defaultValue = "120", description = "score requests per slot at peak")
  int peakRequests;
  @Option(names = "--candidates", defaultValue = "50", description = "candidates per request") int candidates;
  @Option(names = "--max-promoted", defaultValue = "3") int maxPromoted;
  @Option(names = "--play-rate", defaultValue = "0.5", description = "share of promotions actually delivered")
  double playRate;
  @Option(names = "--wave", defaultValue = "40", description = "requests in flight together") int wave;
  @Option(names = "--seed", defaultValue = "7") long seed;
  @Option(names = "--report", defaultValue = "pacing-report.json") Path report;
  @Option(names = "--plot", defaultValue = "pacing.png") Path plot;

  @Override
  public Integer call() throws Exception {
    if (tracks < campaigns * tracksPerCampaign) {
      System.err.println("--tracks must be at least --campaigns x --tracks-per-campaign");
      return 2;
    }
    SimSettings settings = new SimSettings(campaigns, users, tracks,
        tracksPerCampaign, hours, slotSeconds * 1000L, peakRequests, candidates, maxPromoted, playRate, wave, seed);
    if (useConfiguredRedis) {
      return PacingSimulationRunner.run(settings, options.resolve().engine().redisOptions(), report, plot);
    }
    try (LocalRedis redis = LocalRedis.start(LocalRedis.freePort(), List.of())) {
      System.err.println("simulating against a throwaway " + redis.binaryPath() + " on " + redis.url());
      return PacingSimulationRunner.run(settings, new io.vertx.redis.client.RedisOptions().setConnectionString(redis.url()),
          report, plot);
    }
  }
}
