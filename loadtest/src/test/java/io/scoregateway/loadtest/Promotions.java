package io.scoregateway.loadtest;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.details;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.Assertion;
import io.gatling.javaapi.core.ScenarioBuilder;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts what the score answers said during the run. Gatling asserts only on request statistics, so
 * the "promoted answers occur" objective becomes one last request, {@value #CHECK}, made after the
 * load: its check fails (and with it the assertion on it) when too few answers promoted anything.
 */
final class Promotions {
  static final String CHECK = "promoted answers check";
  static final LongAdder ANSWERS = new LongAdder();
  static final LongAdder WITH_PROMOTED = new LongAdder();
  static final LongAdder PROMOTED = new LongAdder();
  static final LongAdder RESULTS = new LongAdder();
  static final LongAdder DEGRADED = new LongAdder();

  private Promotions() {}

  static int record(int promoted, int results, boolean degraded) {
    ANSWERS.increment();
    RESULTS.add(results);
    PROMOTED.add(promoted);
    if (promoted > 0) {
      WITH_PROMOTED.increment();
    }
    if (degraded) {
      DEGRADED.increment();
    }
    return promoted;
  }

  static double withPromotedPct() {
    long answers = ANSWERS.sum();
    return answers == 0 ? 0 : 100.0 * WITH_PROMOTED.sum() / answers;
  }

  /**
   * One score request after the load whose check compares the run's promoted share with the
   * minimum.
   */
  static ScenarioBuilder checkScenario(LoadConfig cfg) {
    String body =
        "{\"user\":\"u-check\",\"surface\":\"autoplay\",\"market\":\"SE\",\"candidates\":[\"t0\"]}";
    return scenario(CHECK)
        .exec(
            http(CHECK)
                .post("/v1/scores")
                .body(StringBody(body))
                .check(
                    status().is(200),
                    status()
                        .transform(s -> Math.round(withPromotedPct() * 10) / 10.0)
                        .gte(cfg.minPromotedPct)
                        .name("% of score answers with a promoted track")));
  }

  static Assertion assertion() {
    return details(CHECK).successfulRequests().count().is(1L);
  }

  static String summary() {
    long answers = ANSWERS.sum();
    return String.format(
        "score answers %d, with a promoted track %d (%.1f%%), promoted results %d of %d (%.2f%%),"
            + " degraded answers %d (%.2f%%)",
        answers,
        WITH_PROMOTED.sum(),
        withPromotedPct(),
        PROMOTED.sum(),
        RESULTS.sum(),
        RESULTS.sum() == 0 ? 0 : 100.0 * PROMOTED.sum() / RESULTS.sum(),
        DEGRADED.sum(),
        answers == 0 ? 0 : 100.0 * DEGRADED.sum() / answers);
  }
}
