package io.scoregateway.gateway.cli;

import io.scoregateway.devredis.LocalRedis;
import io.scoregateway.gateway.sim.PacingSimulationRunner;
import io.scoregateway.gateway.sim.SimSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code simulate-pacing}: a synthetic day through the real pacing code on an accelerated clock. */
@Command(name = "simulate-pacing", mixinStandardHelpOptions = true, versionProvider = GatewayVersion.class,
    description = "Replay a synthetic day of traffic through the real scoring, pacing and delivery code "
        + "against a real Redis on an accelerated clock; write a JSON report and a PNG plot.")
public final class SimulatePacingCommand implements Callable<Integer> {
  @Mixin ConfigOptions options;

  @Option(names = "--use-configured-redis",
      description = "run against --redis instead of a throwaway local redis-server (keys are namespaced)")
  boolean useConfiguredRedis;

  @Option(names = "--campaigns", defaultValue = "20", description = "campaigns (default ${DEFAULT-VALUE})")
  int campaigns;
  @Option(names = "--users", defaultValue = "20000", description = "listeners (default ${DEFAULT-VALUE})")
  int users;
  @Option(names = "--tracks", defaultValue = "1000", description = "tracks (default ${DEFAULT-VALUE})")
  int tracks;
  @Option(names = "--tracks-per-campaign", defaultValue = "10",
      description = "tracks enrolled in each campaign (default ${DEFAULT-VALUE})")
  int tracksPerCampaign;
  @Option(names = "--hours", defaultValue = "24", description = "simulated flight length in hours (default ${DEFAULT-VALUE})")
  int hours;
  @Option(names = "--slot-seconds", defaultValue = "60", description = "simulated pacing slot in seconds (default ${DEFAULT-VALUE})")
  int slotSeconds;
  @Option(names = "--peak-requests", defaultValue = "120", description = "score requests per slot at peak (default ${DEFAULT-VALUE})")
  int peakRequests;
  @Option(names = "--candidates", defaultValue = "50", description = "candidates per request (default ${DEFAULT-VALUE})")
  int candidates;
  @Option(names = "--max-promoted", defaultValue = "3", description = "max_promoted of each request (default ${DEFAULT-VALUE})")
  int maxPromoted;
  @Option(names = "--play-rate", defaultValue = "0.5",
      description = "share of promotions actually delivered, 0..1 (default ${DEFAULT-VALUE})")
  double playRate;
  @Option(names = "--wave", defaultValue = "40", description = "requests in flight together (default ${DEFAULT-VALUE})")
  int wave;
  @Option(names = "--seed", defaultValue = "7", description = "random seed (default ${DEFAULT-VALUE})")
  long seed;
  @Option(names = "--report", defaultValue = "pacing-report.json", description = "JSON report file (default ${DEFAULT-VALUE})")
  Path report;
  @Option(names = "--plot", defaultValue = "pacing.png", description = "PNG plot file (default ${DEFAULT-VALUE})")
  Path plot;

  @Override
  public Integer call() throws Exception {
    String problem = problem();
    if (problem != null) {
      System.err.println("simulate-pacing: " + problem);
      return CliErrors.BAD_CONFIG;
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

  /** What makes these settings unusable, checked before a long run rather than after it. */
  private String problem() {
    String range = atLeast(1, "--campaigns", campaigns, "--users", users, "--tracks", tracks,
        "--tracks-per-campaign", tracksPerCampaign, "--hours", hours, "--slot-seconds", slotSeconds,
        "--peak-requests", peakRequests, "--candidates", candidates, "--wave", wave);
    if (range != null) {
      return range;
    }
    if (maxPromoted < 0) {
      return "--max-promoted must be >= 0, got " + maxPromoted;
    }
    if (!(playRate >= 0 && playRate <= 1)) {
      return "--play-rate must be between 0 and 1, got " + playRate;
    }
    if (hours * 3600L < slotSeconds) {
      return "--slot-seconds must not exceed the flight (--hours x 3600 s)";
    }
    if ((long) campaigns * tracksPerCampaign > tracks) {
      return "--tracks must be at least --campaigns x --tracks-per-campaign";
    }
    String r = writable("--report", report);
    return r != null ? r : writable("--plot", plot);
  }

  private static String atLeast(int min, Object... nameValue) {
    for (int i = 0; i < nameValue.length; i += 2) {
      int v = (Integer) nameValue[i + 1];
      if (v < min) {
        return nameValue[i] + " must be >= " + min + ", got " + v;
      }
    }
    return null;
  }

  /** Whether the file can be written, by writing it now (an empty placeholder replaced at the end). */
  private static String writable(String option, Path file) {
    Path abs = file.toAbsolutePath();
    if (Files.isDirectory(abs)) {
      return option + " " + file + " is a directory";
    }
    boolean existed = Files.exists(abs);
    try {
      Files.newOutputStream(abs, java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND).close();
      if (!existed) {
        Files.delete(abs);
      }
      return null;
    } catch (IOException e) {
      return option + " " + file + " cannot be written (" + e.getClass().getSimpleName().replace("Exception", "")
          + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")";
    }
  }
}
