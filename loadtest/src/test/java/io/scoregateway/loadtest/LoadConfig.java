package io.scoregateway.loadtest;

import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.rampUsersPerSec;
import static io.gatling.javaapi.http.HttpDsl.http;

import io.gatling.javaapi.core.Assertion;
import io.gatling.javaapi.core.OpenInjectionStep;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import java.util.List;

/**
 * Every knob of the simulations, read from system properties ({@code -Dname=value} on the mvn
 * command line). Defaults target a local {@code dev} gateway; see docs/load-testing.md.
 */
final class LoadConfig {
  final String baseUrl = str("baseUrl", "http://127.0.0.1:8080");
  final String token = str("token", "");

  /** Score requests per second (the steady rate; SpikeSimulation multiplies it). */
  final double rate = num("rate", 100);

  /** Seconds of the steady phase (0 = the simulation's own default). */
  final int duration = (int) num("duration", 0);

  final int rampSeconds = (int) num("ramp", 10);
  final String batchMix = str("batchMix", "realistic");
  final double ndjsonShare = num("ndjsonShare", 0.10);
  final int maxPromoted = (int) num("maxPromoted", 3);

  /** X-Request-Timeout-Ms sent with every score request; 0 = the gateway's default deadline. */
  final int deadlineMs = (int) num("deadlineMs", 0);

  /** Folder with the CSV feeders written by {@code demo-data --feeders DIR}; empty = generated. */
  final String feeders = str("feeders", "");

  /**
   * Without feeders: candidates are drawn from t0..t{tracks-1}, listeners from u-0..u-{users-1}.
   */
  final int tracks = (int) num("tracks", 100_000);

  final int users = (int) num("users", 10_000);

  final int p99Ms = (int) num("p99Ms", 200);
  final int p999Ms = (int) num("p999Ms", 500);
  final double maxErrorPct = num("maxErrorPct", 1.0);

  /** Least share (%) of score answers that promote at least one candidate. */
  final double minPromotedPct = num("minPromotedPct", 50);

  int durationOr(int fallback) {
    return duration > 0 ? duration : fallback;
  }

  /**
   * Ramp from 1 to {@code rate} requests/s over {@code ramp} s (skipped when 0), then hold for
   * {@code seconds}.
   */
  static OpenInjectionStep[] rampThenConstant(LoadConfig cfg, int seconds) {
    OpenInjectionStep hold = constantUsersPerSec(cfg.rate).during(seconds);
    return cfg.rampSeconds <= 0
        ? new OpenInjectionStep[] {hold}
        : new OpenInjectionStep[] {rampUsersPerSec(1).to(cfg.rate).during(cfg.rampSeconds), hold};
  }

  HttpProtocolBuilder protocol() {
    HttpProtocolBuilder p =
        http.baseUrl(baseUrl)
            .contentTypeHeader("application/json")
            .acceptHeader("application/json")
            .userAgentHeader("score-gateway-gatling")
            .shareConnections();
    if (!token.isEmpty()) {
      p = p.authorizationHeader("Bearer " + token);
    }
    return p;
  }

  /** The objectives every simulation asserts; a failed one fails the Maven run. */
  List<Assertion> assertions() {
    return List.of(
        global().responseTime().percentile(99.0).lt(p99Ms),
        global().responseTime().percentile(99.9).lt(p999Ms),
        global().failedRequests().percent().lte(maxErrorPct),
        Promotions.assertion());
  }

  String describe(String simulation, String load) {
    return String.format(
        "%s against %s: %s, batch mix %s, NDJSON share %.0f%%, max_promoted %d, %s;"
            + " asserting p99 < %d ms, p99.9 < %d ms, errors <= %.2f%%, answers with a promotion >= %.1f%%",
        simulation,
        baseUrl,
        load,
        batchMix,
        ndjsonShare * 100,
        maxPromoted,
        feeders.isEmpty()
            ? tracks + " generated tracks, " + users + " generated listeners"
            : "feeders from " + feeders,
        p99Ms,
        p999Ms,
        maxErrorPct,
        minPromotedPct);
  }

  private static String str(String key, String def) {
    String v = System.getProperty(key);
    return v == null || v.isBlank() ? def : v.trim();
  }

  private static double num(String key, double def) {
    String v = str(key, null);
    try {
      return v == null ? def : Double.parseDouble(v);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("-D" + key + ": not a number: " + v, e);
    }
  }
}
