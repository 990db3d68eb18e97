package io.scoregateway.gateway.cli;

import io.scoregateway.devredis.LocalRedis;
import io.scoregateway.gateway.sim.PacingSimulationRunner;
import io.scoregateway.gateway.sim.SimOptions;
import io.scoregateway.gateway.sim.SimSettings;
import io.scoregateway.pacing.PacingController;
import io.scoregateway.redis.RedisLinkOptions;
import io.vertx.redis.client.RedisOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code simulate-pacing}: a synthetic day through the real pacing code on an accelerated clock.
 */
@Command(
    name = "simulate-pacing",
    mixinStandardHelpOptions = true,
    versionProvider = GatewayVersion.class,
    description =
        "Replay a synthetic day of traffic through the real scoring, pacing and delivery code "
            + "against a real Redis on an accelerated clock; write a JSON report and a PNG plot.")
public final class SimulatePacingCommand implements Callable<Integer> {
  @Mixin ConfigOptions options;

  @Option(
      names = "--use-configured-redis",
      description =
          "run against --redis instead of a throwaway local redis-server (keys are namespaced)")
  boolean useConfiguredRedis;

  @Option(
      names = "--campaigns",
      defaultValue = "20",
      description = "campaigns (default ${DEFAULT-VALUE})")
  int campaigns;

  @Option(
      names = "--users",
      defaultValue = "20000",
      description = "listeners (default ${DEFAULT-VALUE})")
  int users;

  @Option(
      names = "--tracks",
      defaultValue = "1000",
      description = "tracks (default ${DEFAULT-VALUE})")
  int tracks;

  @Option(
      names = "--tracks-per-campaign",
      defaultValue = "10",
      description = "tracks enrolled in each campaign (default ${DEFAULT-VALUE})")
  int tracksPerCampaign;

  @Option(
      names = "--hours",
      defaultValue = "24",
      description = "simulated flight length in hours (default ${DEFAULT-VALUE})")
  int hours;

  @Option(
      names = "--slot-seconds",
      defaultValue = "60",
      description = "simulated pacing slot in seconds (default ${DEFAULT-VALUE})")
  int slotSeconds;

  @Option(
      names = "--peak-requests",
      defaultValue = "120",
      description = "score requests per slot at peak (default ${DEFAULT-VALUE})")
  int peakRequests;

  @Option(
      names = "--candidates",
      defaultValue = "50",
      description = "candidates per request (default ${DEFAULT-VALUE})")
  int candidates;

  @Option(
      names = "--max-promoted",
      defaultValue = "3",
      description = "max_promoted of each request (default ${DEFAULT-VALUE})")
  int maxPromoted;

  @Option(
      names = "--play-rate",
      defaultValue = "0.5",
      description = "share of promotions actually delivered, 0..1 (default ${DEFAULT-VALUE})")
  double playRate;

  @Option(
      names = "--wave",
      defaultValue = "40",
      description = "requests in flight together (default ${DEFAULT-VALUE})")
  int wave;

  @Option(
      names = "--seed",
      defaultValue = "7",
      description = "random seed (default ${DEFAULT-VALUE})")
  long seed;

  @Option(
      names = "--demand-ratio",
      paramLabel = "R",
      description =
          "traffic R times what each budget needs: budgets = available deliveries (probe pass) / R; "
              + "default: the day's mix (20-74% of available, one in five at 300%)")
  Double demandRatio;

  @Option(
      names = "--delivery-lag-ms",
      paramLabel = "L",
      description =
          "each play arrives uniformly 0..L ms after its promotion, stamped with its play time "
              + "(default 0, with --scenarios 3000; at most the settle time, 10000)")
  Long deliveryLagMs;

  @Option(
      names = "--start-hour",
      defaultValue = "0",
      paramLabel = "H",
      description =
          "flight start hour, UTC, 0-23 (default ${DEFAULT-VALUE}; 4 is the night trough)")
  int startHour;

  @Option(
      names = "--plan",
      defaultValue = "profile",
      paramLabel = "even|profile",
      description =
          "even: linear plans; profile: even and front_loaded plans follow the traffic profile "
              + "(default ${DEFAULT-VALUE})")
  String plan;

  @Option(
      names = "--instances",
      defaultValue = "1",
      paramLabel = "K",
      description =
          "gateway instances (pacing views and refreshers) over the same Redis, requests dealt "
              + "between them (default ${DEFAULT-VALUE})")
  int instances;

  @Option(
      names = "--scenarios",
      description =
          "run the pacing scenarios instead of the day: demand 3x, 30x, 100x and 0.5x the need, budget "
              + "raised and lowered, pause and resume, a 10x traffic jump, two instances; 1 s slots")
  boolean scenarios;

  @Option(
      names = "--contention",
      description =
          "run the contention scenario instead of the day: campaigns of different relevance and need"
              + " (some infeasible alone) competing for the same listeners under max_promoted 1-3,"
              + " once per allocation policy (relevance, balanced); 1 s slots")
  boolean contention;

  @Option(
      names = "--requests-per-second",
      defaultValue = "100",
      description = "with --contention: score requests per second (default ${DEFAULT-VALUE})")
  int requestsPerSecond;

  @Option(
      names = "--flight-seconds",
      defaultValue = "60",
      description =
          "with --scenarios or --contention: flight length in 1 s slots (default ${DEFAULT-VALUE})")
  int flightSeconds;

  @Option(
      names = "--budget",
      defaultValue = "900",
      description = "with --scenarios: each campaign's starting budget (default ${DEFAULT-VALUE})")
  long budget;

  @Option(
      names = "--report",
      defaultValue = "pacing-report.json",
      description = "JSON report file (default ${DEFAULT-VALUE})")
  Path report;

  @Option(
      names = "--plot",
      defaultValue = "pacing.png",
      description = "PNG plot file (default ${DEFAULT-VALUE})")
  Path plot;

  @Override
  public Integer call() throws Exception {
    String problem = problem();
    if (problem != null) {
      System.err.println("simulate-pacing: " + problem);
      return CliErrors.BAD_CONFIG;
    }
    if (useConfiguredRedis) {
      return simulate(RedisLinkOptions.of(options.resolve().engine().redis()));
    }
    try (LocalRedis redis = LocalRedis.start(LocalRedis.freePort(), List.of())) {
      System.err.println(
          "simulating against a throwaway " + redis.binaryPath() + " on " + redis.url());
      return simulate(new RedisOptions().setConnectionString(redis.url()));
    }
  }

  private int simulate(RedisOptions redis) throws IOException {
    if (contention) {
      long lag = deliveryLagMs == null ? 1_000 : deliveryLagMs;
      return PacingSimulationRunner.runContention(
          flightSeconds, requestsPerSecond, lag, seed, redis, report, plot);
    }
    if (scenarios) {
      long lag = deliveryLagMs == null ? 3_000 : deliveryLagMs;
      return PacingSimulationRunner.runScenarios(
          flightSeconds, budget, lag, seed, redis, report, plot);
    }
    SimOptions o =
        new SimOptions(
            demandRatio == null ? Double.NaN : demandRatio,
            deliveryLagMs == null ? 0 : deliveryLagMs,
            startHour,
            SimOptions.Plan.valueOf(plan.toUpperCase(Locale.ROOT)),
            instances);
    SimSettings settings =
        new SimSettings(
            campaigns,
            users,
            tracks,
            tracksPerCampaign,
            hours,
            slotSeconds * 1000L,
            peakRequests,
            candidates,
            maxPromoted,
            playRate,
            wave,
            seed,
            o);
    return PacingSimulationRunner.run(settings, redis, report, plot);
  }

  /** What makes these settings unusable, checked before a long run rather than after it. */
  private String problem() {
    String range =
        atLeast(
            1,
            "--campaigns",
            campaigns,
            "--users",
            users,
            "--tracks",
            tracks,
            "--tracks-per-campaign",
            tracksPerCampaign,
            "--hours",
            hours,
            "--slot-seconds",
            slotSeconds,
            "--peak-requests",
            peakRequests,
            "--candidates",
            candidates,
            "--wave",
            wave);
    if (range != null) {
      return range;
    }
    if (maxPromoted < 0) {
      return "--max-promoted must be >= 0, got " + maxPromoted;
    }
    if (!(playRate >= 0 && playRate <= 1)) {
      return "--play-rate must be between 0 and 1, got " + playRate;
    }
    if (demandRatio != null && !(demandRatio > 0 && demandRatio < 1e6)) {
      return "--demand-ratio must be > 0, got " + demandRatio;
    }
    if (deliveryLagMs != null
        && (deliveryLagMs < 0 || deliveryLagMs > PacingController.DEFAULT_SETTLE_MS)) {
      // a play later than the settle time after the flight's end is refused by the ledger
      return "--delivery-lag-ms must be between 0 and "
          + PacingController.DEFAULT_SETTLE_MS
          + ", got "
          + deliveryLagMs;
    }
    if (startHour < 0 || startHour > 23) {
      return "--start-hour must be 0-23, got " + startHour;
    }
    if (!plan.equals("even") && !plan.equals("profile")) {
      return "--plan must be even or profile, got " + plan;
    }
    if (instances < 1 || instances > 16) {
      return "--instances must be 1-16, got " + instances;
    }
    if (scenarios && (flightSeconds < 10 || flightSeconds > 3600 || budget < 1)) {
      return "--flight-seconds must be 10-3600 and --budget >= 1 with --scenarios";
    }
    if (scenarios && contention) {
      return "--scenarios and --contention are two different runs: choose one";
    }
    if (contention
        && (flightSeconds < 10
            || flightSeconds > 3600
            || requestsPerSecond < 10
            || requestsPerSecond > 10_000)) {
      return "--flight-seconds must be 10-3600 and --requests-per-second 10-10000 with --contention";
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

  /**
   * Whether the file can be written, by writing it now (an empty placeholder replaced at the end).
   */
  private static String writable(String option, Path file) {
    Path abs = file.toAbsolutePath();
    if (Files.isDirectory(abs)) {
      return option + " " + file + " is a directory";
    }
    boolean existed = Files.exists(abs);
    try {
      Files.newOutputStream(
              abs, java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND)
          .close();
      if (!existed) {
        Files.delete(abs);
      }
      return null;
    } catch (IOException e) {
      return option
          + " "
          + file
          + " cannot be written ("
          + e.getClass().getSimpleName().replace("Exception", "")
          + (e.getMessage() == null ? "" : ": " + e.getMessage())
          + ")";
    }
  }
}
